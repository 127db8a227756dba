import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knex from 'knex';
import { KnexClientStore } from '../auth/knex-client-store.js';
import { KnexSigningKeyStore } from '../auth/knex-signing-key-store.js';
import { migrations, migrationSource } from '../migrations/index.js';
import { serviceUnavailable } from '../sql/database-errors.js';
import { quietKnexLog } from '../sql/quiet-knex-log.js';
import type { SqlPersistence } from '../sql-persistence.js';
import { KnexIdempotencyStore } from '../stores/knex-idempotency-store.js';
import { TransactionalHoldPlacer } from '../stores/hold-placement.js';
import { SqlHoldStore } from '../stores/sql-hold-store.js';
import { SqlReadModel } from '../stores/sql-read-model.js';
import { autoCommitStores, sqlStores } from '../stores/sql-stores.js';
import { AsyncLock } from './async-lock.js';
import { leasedConnectionPool } from './leased-connection-pool.js';
import { SqliteConnection } from './sqlite-connection.js';
import { SqliteExecutor } from './sqlite-executor.js';
import { SqliteUnitOfWork } from './sqlite-unit-of-work.js';
import { SqliteUpsertWriter } from './sqlite-upsert-writer.js';

/**
 * SQLite in WAL mode with two connections: one writer, used only under the write lock (by the
 * unit of work and by knex), and one read-only reader for auto-commit reads, which WAL lets run
 * while a write transaction is open. An in-memory database cannot be shared between connections,
 * so there the reader is the writer, and an auto-commit read may see an open transaction's
 * writes — as with core's in-memory adapter.
 */
export function createSqlitePersistence(filename: string, busyTimeoutMs: number): SqlPersistence {
  const inMemory = filename === ':memory:';
  if (!inMemory) mkdirSync(dirname(filename), { recursive: true });
  const writer = new SqliteConnection(filename, { busyTimeoutMs, readOnly: false });
  const reader = inMemory ? writer : new SqliteConnection(filename, { busyTimeoutMs, readOnly: true });
  const lock = new AsyncLock();
  const unitOfWork = new SqliteUnitOfWork(writer, lock, busyTimeoutMs, !inMemory);
  const readExecutor = new SqliteExecutor(reader);
  const db = knex({ client: 'better-sqlite3', useNullAsDefault: true, log: quietKnexLog, connectionPool: leasedConnectionPool(writer.db, lock, busyTimeoutMs) });
  let migrating = Promise.resolve();
  return {
    dialect: 'sqlite',
    knex: db,
    idempotency: new KnexIdempotencyStore(db),
    authStores: { signingKeys: new KnexSigningKeyStore(db), clients: new KnexClientStore(db) },
    stores: autoCommitStores(sqlStores(readExecutor, new SqliteUpsertWriter(readExecutor)), unitOfWork),
    readModel: new SqlReadModel(readExecutor),
    unitOfWork,
    holds: new SqlHoldStore(readExecutor, unitOfWork, new TransactionalHoldPlacer(unitOfWork)),
    migrate() {
      migrating = migrating.catch(() => undefined).then(async () => {
        await db.migrate.latest({ migrationSource: migrationSource(migrations, 'sqlite') });
      });
      return migrating;
    },
    ping() {
      try {
        reader.statement('SELECT 1').get();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(serviceUnavailable(error));
      }
    },
    async close() {
      await lock.acquire();
      await db.destroy();
      reader.close();
      writer.close();
    },
  };
}
