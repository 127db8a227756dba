import type { ErrorCode } from '@inventory/core';
import { toPersistenceError } from '../sql/database-errors.js';
import type { SqlExecutor, SqlRow } from '../sql/sql-executor.js';
import { sqliteDialect } from '../sql/sqlite-dialect.js';
import type { SqliteConnection } from './sqlite-connection.js';

/**
 * Runs cached prepared statements on one SQLite connection. better-sqlite3 is synchronous: the
 * `…Now` methods serve the bulk writer, the promise methods the ports. A transaction's executor
 * is closed when the transaction ends, so late use fails loudly instead of writing outside it.
 */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = sqliteDialect;
  private open = true;

  constructor(private readonly connection: SqliteConnection) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- async turns the driver's synchronous throw into a rejection
  async all(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<SqlRow[]> {
    return this.allNow(sql, params, conflict);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- as above
  async rows(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<unknown[][]> {
    this.ensureOpen();
    try {
      return this.connection.statement(sql, 'array').all(params) as unknown[][];
    } catch (error) {
      throw toPersistenceError(error, conflict);
    }
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- as above
  async run(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<number> {
    return this.runNow(sql, params, conflict);
  }

  allNow(sql: string, params: readonly unknown[], conflict?: ErrorCode): SqlRow[] {
    this.ensureOpen();
    try {
      return this.connection.statement(sql).all(params) as SqlRow[];
    } catch (error) {
      throw toPersistenceError(error, conflict);
    }
  }

  runNow(sql: string, params: readonly unknown[], conflict?: ErrorCode): number {
    this.ensureOpen();
    try {
      return this.connection.statement(sql).run(params).changes;
    } catch (error) {
      throw toPersistenceError(error, conflict);
    }
  }

  /**
   * Runs one statement per row, binding each through `bind` into one reused parameter list, and
   * returns each run's single result value: a bulk writer's loop, without a result object or a
   * parameter array per row.
   */
  pluckEachNow(sql: string, count: number, bind: (index: number, params: unknown[]) => void, conflict?: ErrorCode): unknown[] {
    this.ensureOpen();
    const statement = this.connection.statement(sql, 'value');
    const params: unknown[] = [];
    const values = new Array<unknown>(count);
    try {
      for (let index = 0; index < count; index += 1) {
        bind(index, params);
        values[index] = statement.get(params);
      }
    } catch (error) {
      throw toPersistenceError(error, conflict);
    }
    return values;
  }

  close(): void {
    this.open = false;
  }

  private ensureOpen(): void {
    if (!this.open) throw new Error('This transaction has already ended; use the stores of a new unit of work');
  }
}
