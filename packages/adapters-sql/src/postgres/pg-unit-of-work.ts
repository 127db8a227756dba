import type { Stores, UnitOfWork } from '@inventory/core';
import type { Pool, PoolClient } from 'pg';
import { toPersistenceError } from '../sql/database-errors.js';
import { sqlStores } from '../stores/sql-stores.js';
import { PgExecutor, type StatementNames } from './pg-executor.js';
import { PgUpsertWriter } from './pg-upsert-writer.js';

/**
 * One pooled connection per unit of work: BEGIN, the work, then COMMIT, or ROLLBACK when it
 * throws. A connection that broke on the way is dropped by the pool on release.
 */
export class PgUnitOfWork implements UnitOfWork {
  constructor(
    private readonly pool: Pool,
    private readonly names: StatementNames,
  ) {}

  run<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.transaction((executor) => work(sqlStores(executor, new PgUpsertWriter(executor))));
  }

  /** The same transaction with the executor itself, for stores of this package that write their own SQL. */
  async transaction<T>(work: (executor: PgExecutor) => Promise<T>): Promise<T> {
    const client = await this.connect();
    const executor = new PgExecutor(client, this.names);
    let broken: Error | undefined;
    try {
      await query(client, 'BEGIN');
      try {
        const result = await work(executor);
        await query(client, 'COMMIT');
        return result;
      } catch (error) {
        broken = await rollback(client);
        throw error;
      }
    } finally {
      executor.close();
      client.release(broken);
    }
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw toPersistenceError(error);
    }
  }
}

async function query(client: PoolClient, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    throw toPersistenceError(error);
  }
}

/** Rolls back; a connection that cannot even do that is handed back as broken, so the pool drops it. */
async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error('ROLLBACK failed');
  }
}

