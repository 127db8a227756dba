import type Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock.js';

/** What knex uses of a tarn pool given as `connectionPool` (it recognises one by these methods). */
export interface LeasedConnectionPool {
  acquire(): { promise: Promise<Database.Database> };
  release(connection: Database.Database): boolean;
  destroy(): Promise<void>;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * A one-connection pool for knex that lends out the write connection under the same lock as the
 * unit of work, so knex work (migrations, other stores of this package) never interleaves with a
 * write transaction on the shared connection.
 */
export function leasedConnectionPool(db: Database.Database, lock: AsyncLock, timeoutMs: number): LeasedConnectionPool {
  return {
    acquire: () => ({ promise: lock.acquire(timeoutMs).then(() => db) }),
    release: () => {
      lock.release();
      return true;
    },
    destroy: () => Promise.resolve(),
    numUsed: () => (lock.locked ? 1 : 0),
    numFree: () => (lock.locked ? 0 : 1),
    numPendingAcquires: () => lock.waiting,
  };
}
