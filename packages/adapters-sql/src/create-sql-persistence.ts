import { parseDatabaseUrl } from './database-url.js';
import { createPgPersistence } from './postgres/create-pg-persistence.js';
import type { SqlPersistence, SqlPersistenceOptions } from './sql-persistence.js';
import { createSqlitePersistence } from './sqlite/create-sqlite-persistence.js';

const ignore = (): void => undefined;

/**
 * Opens the database named by `options.url`; a bad URL or an unopenable SQLite file rejects.
 * Nothing is migrated here: call `migrate()` (the server does at start and in its command).
 */
export function createSqlPersistence(options: SqlPersistenceOptions): Promise<SqlPersistence> {
  return new Promise((resolve) => {
    resolve(open(options));
  });
}

function open(options: SqlPersistenceOptions): SqlPersistence {
  const location = parseDatabaseUrl(options.url);
  if (location.dialect === 'sqlite') return createSqlitePersistence(location.filename, options.sqliteBusyTimeoutMs ?? 5000);
  return createPgPersistence({
    connectionString: location.connectionString,
    searchPath: options.searchPath,
    min: options.pool?.min ?? 0,
    max: options.pool?.max ?? 10,
    acquireTimeoutMs: options.pool?.acquireTimeoutMs ?? 5000,
    statementTimeoutMs: options.statementTimeoutMs ?? 15_000,
    onConnectionError: options.onConnectionError ?? ignore,
  });
}
