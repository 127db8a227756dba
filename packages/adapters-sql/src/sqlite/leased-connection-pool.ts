import type Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock.js';

/**
 * A one-connection pool for knex that lends out the write connection under the same lock as the
 * unit of work, so knex work (migrations, other stores of this package) never interleaves with a
 * write transaction on the shared connection. Shaped like a tarn pool, which knex accepts as
 * `connectionPool`.
 */
export function leasedConnectionPool(db: Database.Database, lock: AsyncLock, timeoutMs: number) {
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
