import type { Stores, UnitOfWork } from '@inventory/core';
import { serviceUnavailable, toPersistenceError } from '../sql/database-errors.js';
import { sqlStores } from '../stores/sql-stores.js';
import type { AsyncLock } from './async-lock.js';
import type { SqliteConnection } from './sqlite-connection.js';
import { SqliteExecutor } from './sqlite-executor.js';
import { SqliteUpsertWriter } from './sqlite-upsert-writer.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Write transactions on the one SQLite write connection: the in-process lock serialises them,
 * then `BEGIN IMMEDIATE` takes SQLite's write lock up front, so no statement of the work can fail
 * half-way on a lock upgrade. While another process holds the lock, the wait is polled
 * asynchronously (the event loop keeps serving reads) up to the busy timeout, then
 * SERVICE_UNAVAILABLE.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(
    private readonly writer: SqliteConnection,
    private readonly lock: AsyncLock,
    private readonly busyTimeoutMs: number,
    private readonly shared: boolean,
  ) {}

  run<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.transaction((executor) => work(sqlStores(executor, new SqliteUpsertWriter(executor))));
  }

  /** The same transaction with the executor itself, for stores of this package that write their own SQL. */
  async transaction<T>(work: (executor: SqliteExecutor) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    await this.lock.acquire(this.busyTimeoutMs);
    try {
      await this.begin(deadline);
      const executor = new SqliteExecutor(this.writer);
      try {
        const result = await work(executor);
        this.finish('COMMIT');
        return result;
      } catch (error) {
        this.rollback();
        throw error;
      } finally {
        executor.close();
      }
    } finally {
      this.lock.release();
    }
  }

  private async begin(deadline: number): Promise<void> {
    if (!this.shared) {
      this.finish('BEGIN IMMEDIATE');
      return;
    }
    this.writer.setBusyWait(false);
    try {
      for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
        try {
          this.writer.statement('BEGIN IMMEDIATE').run();
          return;
        } catch (error) {
          if (!isBusy(error)) throw toPersistenceError(error);
          if (Date.now() >= deadline) throw serviceUnavailable(error);
        }
        await sleep(Math.max(0, Math.min(pause, deadline - Date.now())));
      }
    } finally {
      this.writer.setBusyWait(true);
    }
  }

  /** Rolls back what is left of the transaction; the work's own error is what the caller needs. */
  private rollback(): void {
    if (!this.writer.db.inTransaction) return;
    try {
      this.writer.statement('ROLLBACK').run();
    } catch {
      // SQLite ends the transaction itself when ROLLBACK fails; the original error is reported.
    }
  }

  private finish(statement: 'BEGIN IMMEDIATE' | 'COMMIT'): void {
    try {
      this.writer.statement(statement).run();
    } catch (error) {
      throw toPersistenceError(error);
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
