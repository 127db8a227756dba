import type { Decimal5, IsoInstant } from '@inventory/core';
import type { SqlDialect, SqlType } from './sql-dialect.js';

/**
 * Collects bound values while SQL text is built, returning each value's placeholder. Text and
 * values are built in the same order, so positional (`?`) and numbered (`$n`) styles both work.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(readonly dialect: SqlDialect) {}

  /** Binds a scalar of a type chosen at run time. */
  bind(type: SqlType, value: number | string | null): string {
    this.values.push(this.dialect.value(type, value));
    return this.dialect.placeholder(this.values.length, type);
  }

  int(value: number): string {
    return this.bind('int', value);
  }

  text(value: string): string {
    return this.bind('text', value);
  }

  cost(value: Decimal5): string {
    return this.bind('cost', value);
  }

  instant(value: IsoInstant | null): string {
    return this.bind('instant', value);
  }

  /** Binds `rows` as one JSON text and returns the FROM item reading them back as rows (`SqlDialect.jsonRecords`). */
  jsonRecords(rows: readonly object[], columns: readonly (readonly [name: string, type: 'int' | 'text'])[], alias: string): string {
    this.values.push(JSON.stringify(rows));
    return this.dialect.jsonRecords(this.values.length, columns, alias);
  }

  /**
   * `column` is one of `values`. A single value is a plain equality: the commonest case (one
   * product, one sku) gets the simplest plan and no list to unpack.
   */
  inList(column: string, values: readonly (number | string)[], type: 'int' | 'text'): string {
    const [only] = values;
    if (values.length === 1 && only !== undefined) return `${column} = ${this.bind(type, only)}`;
    this.values.push(this.dialect.listValue(values));
    return this.dialect.inList(column, this.values.length, type);
  }

  /** `(first, second)` is one of the pairs; a single pair is two equalities. */
  inPairs(first: string, second: string, pairs: readonly (readonly [string, string])[]): string {
    const [only] = pairs;
    if (pairs.length === 1 && only !== undefined) return `(${first} = ${this.text(only[0])} AND ${second} = ${this.text(only[1])})`;
    this.values.push(this.dialect.listValue(pairs.map((pair) => pair[0])));
    this.values.push(this.dialect.listValue(pairs.map((pair) => pair[1])));
    return this.dialect.inPairs(first, second, this.values.length - 1, this.values.length);
  }
}
