import type { ErrorCode } from '@inventory/core';
import type { Pool, PoolClient } from 'pg';
import { toPersistenceError } from '../sql/database-errors.js';
import { postgresDialect } from '../sql/postgres-dialect.js';
import type { SqlExecutor, SqlRow } from '../sql/sql-executor.js';

/**
 * Names statements by their text, so each connection parses and plans a statement once and then
 * only binds and executes it. Texts depend only on statement shape, so the names stay few.
 *
 * A statement binding a list (an array parameter) stays unnamed and is planned for its values
 * each time: after five runs PostgreSQL would switch a named one to its generic plan, which for
 * `id = ANY($2)` scans the tenant's rows and tests each against the whole list — a 10k-id lookup
 * went from 3 ms to 290 ms, quadratic in the list length.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  of(sql: string): string {
    let name = this.names.get(sql);
    if (name === undefined) {
      name = `inventory_${this.names.size + 1}`;
      this.names.set(sql, name);
    }
    return name;
  }
}

/** Runs named statements on the pool (auto-commit) or on one client (a transaction). */
export class PgExecutor implements SqlExecutor {
  readonly dialect = postgresDialect;
  private open = true;

  constructor(
    private readonly target: Pool | PoolClient,
    private readonly names: StatementNames,
  ) {}

  async all(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<SqlRow[]> {
    return (await this.query(sql, params, conflict)).rows as SqlRow[];
  }

  async rows(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<unknown[][]> {
    return (await this.query(sql, params, conflict, 'array')).rows as unknown[][];
  }

  async run(sql: string, params: readonly unknown[], conflict?: ErrorCode): Promise<number> {
    return (await this.query(sql, params, conflict)).rowCount ?? 0;
  }

  close(): void {
    this.open = false;
  }

  private async query(sql: string, params: readonly unknown[], conflict: ErrorCode | undefined, rowMode?: 'array'): Promise<{ rows: unknown[]; rowCount: number | null }> {
    if (!this.open) throw new Error('This transaction has already ended; use the stores of a new unit of work');
    const named = !params.some((param) => Array.isArray(param));
    const config = { ...(named && { name: this.names.of(sql) }), text: sql, values: params as unknown[] };
    try {
      return rowMode === 'array' ? await this.target.query<unknown[]>({ ...config, rowMode }) : await this.target.query<SqlRow>(config);
    } catch (error) {
      throw toPersistenceError(error, conflict);
    }
  }
}
