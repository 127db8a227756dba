import knex from 'knex';
import { KnexClientStore } from '../auth/knex-client-store.js';
import { KnexSigningKeyStore } from '../auth/knex-signing-key-store.js';
import { PgAttemptStore } from '../auth/pg-attempt-store.js';
import pg from 'pg';
import { migrations, migrationSource } from '../migrations/index.js';
import { serviceUnavailable, toPersistenceError } from '../sql/database-errors.js';
import { quietKnexLog } from '../sql/quiet-knex-log.js';
import type { SqlPersistence } from '../sql-persistence.js';
import { KnexIdempotencyStore } from '../stores/knex-idempotency-store.js';
import { PgHoldPlacer } from '../stores/hold-placement.js';
import { SqlHoldStore } from '../stores/sql-hold-store.js';
import { SqlReadModel } from '../stores/sql-read-model.js';
import { autoCommitStores, sqlStores } from '../stores/sql-stores.js';
import { PgExecutor, StatementNames } from './pg-executor.js';
import { createPgPool, type PgPoolOptions } from './pg-pool.js';
import { PgUnitOfWork } from './pg-unit-of-work.js';
import { PgUpsertWriter } from './pg-upsert-writer.js';

/**
 * PostgreSQL over one pg pool, shared by the stores (named statements straight on the driver) and
 * by knex (migrations, other stores of this package).
 */
export function createPgPersistence(options: PgPoolOptions): SqlPersistence {
  const pool = createPgPool(options);
  const names = new StatementNames();
  const reader = new PgExecutor(pool, names);
  const unitOfWork = new PgUnitOfWork(pool, names);
  const db = knex({ client: 'pg', log: quietKnexLog, connectionPool: pool });
  return {
    dialect: 'postgres',
    knex: db,
    idempotency: new KnexIdempotencyStore(db),
    authStores: { signingKeys: new KnexSigningKeyStore(db), clients: new KnexClientStore(db), attempts: new PgAttemptStore(pool) },
    stores: autoCommitStores(sqlStores(reader, new PgUpsertWriter(reader)), unitOfWork),
    readModel: new SqlReadModel(reader),
    unitOfWork,
    holds: new SqlHoldStore(reader, unitOfWork, new PgHoldPlacer(reader)),
    migrate: () => migrate(options, db),
    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        throw serviceUnavailable(error);
      }
    },
    async close() {
      await db.destroy();
      await pool.end();
    },
  };
}

/**
 * Runs the migrations under a session advisory lock held on a connection of its own, so server
 * processes starting together migrate one after the other; the schema is created under the lock.
 */
async function migrate(options: PgPoolOptions, db: knex.Knex): Promise<void> {
  const schema = options.searchPath ?? 'public';
  const lockKey = `inventory-migrations:${schema}`;
  const client = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: options.acquireTimeoutMs });
  client.on('error', (error) => options.onConnectionError(error));
  try {
    await client.connect();
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    if (options.searchPath !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.searchPath}"`);
    await db.migrate.latest({ migrationSource: migrationSource(migrations, 'postgres') });
  } catch (error) {
    throw toPersistenceError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
