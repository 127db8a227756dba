import type { Decimal5 } from '@inventory/core';

/** The column types the adapter binds; each dialect casts and converts them its own way. */
export type SqlType = 'int' | 'text' | 'cost' | 'instant';

/**
 * What differs in SQL text and values between SQLite and PostgreSQL, so the stores can build one
 * statement shape for both. Cost prices are exact on both: an integer of 1e-5 units on SQLite,
 * `numeric(10,5)` on PostgreSQL; instants are canonical ISO text on SQLite, `timestamptz(3)` on
 * PostgreSQL read back as canonical ISO text.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** The placeholder of the n-th (1-based) parameter, cast to its type where the dialect needs it. */
  placeholder(position: number, type: SqlType): string;
  /** The bound value of a scalar. */
  value(type: SqlType, value: number | string | null): unknown;
  /** A condition: `column` is one of the values of the list parameter at `placeholder`. */
  inList(column: string, position: number, type: 'int' | 'text'): string;
  /** The bound value of a list parameter. */
  listValue(values: readonly (number | string)[]): unknown;
  /** A condition: `(first, second)` is one of the pairs given as two parallel list parameters. */
  inPairs(first: string, second: string, firstPosition: number, secondPosition: number): string;
  /**
   * A FROM item reading the JSON array of objects bound at `position` as rows with these columns
   * (named as in the JSON), aliased `alias`.
   */
  jsonRecords(position: number, columns: readonly (readonly [name: string, type: 'int' | 'text'])[], alias: string): string;
  /** A select expression giving an instant column or expression as canonical ISO text. */
  instantText(expression: string): string;
  /** A condition: the two expressions differ, NULL counting as a value. */
  isDistinct(left: string, right: string): string;
  /** Appended to a SELECT inside a write transaction to lock the rows it reads (empty where the transaction already holds the only write lock). */
  readonly lockRows: string;
  /**
   * Appended to a SELECT inside a write transaction so that the rows it reads cannot be deleted
   * (nor their key changed) until it ends, while their other columns stay writable — the lock a
   * foreign key check takes. Empty where the transaction already holds the only write lock.
   */
  readonly holdKeys: string;
  readCost(value: unknown): Decimal5;
  /** Reads an integer that may come back as text (PostgreSQL bigint sums and counts). */
  readInteger(value: unknown): number;
}

