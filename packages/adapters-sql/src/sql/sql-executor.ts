import type { ErrorCode } from '@inventory/core';
import type { SqlDialect } from './sql-dialect.js';

/** A result row as the driver returns it; mapping functions give it types. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * Runs SQL on one connection (inside a transaction) or on the pool (auto-commit), mapping driver
 * errors with `toPersistenceError`: `conflict` is the code a unique violation stands for here.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  all(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<SqlRow[]>;
  /** Reads rows as arrays in select-list order: for many rows, cheaper than objects by column name. */
  rows(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<unknown[][]>;
  /** Runs a write; resolves with the number of rows it changed. */
  run(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<number>;
}
