import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSqlPersistence, type SqlPersistenceOptions } from '@inventory/adapters-sql';
import type { ServerConfig } from '../config/server-config.js';
import type { ServerPersistence } from './server-persistence.js';

/** Where the database is, and (when given) how long callers may wait on it. */
export type PersistenceConfig = Pick<ServerConfig, 'databaseUrl'> & Partial<Pick<ServerConfig, 'database'>>;

/**
 * Opens the database `DATABASE_URL` names: an SQLite file (its folder created if missing, so a
 * fresh clone starts with no setup) or PostgreSQL, with the issuer's stores in it. The pool size
 * and timeouts bound every wait, so an overloaded or absent database answers 503 instead of hanging.
 * `onConnectionError` hears about PostgreSQL connections that died while idle (for the logs).
 */
export async function openPersistence(config: PersistenceConfig, onConnectionError?: (error: Error) => void): Promise<ServerPersistence> {
  const file = sqliteFile(config.databaseUrl);
  if (file !== undefined) await mkdir(dirname(file), { recursive: true });
  return createSqlPersistence(persistenceOptions(config, onConnectionError));
}

function persistenceOptions({ databaseUrl, database }: PersistenceConfig, onConnectionError?: (error: Error) => void): SqlPersistenceOptions {
  return {
    url: databaseUrl,
    ...(database !== undefined && {
      pool: { max: database.poolMax, acquireTimeoutMs: database.acquireTimeoutMs },
      statementTimeoutMs: database.statementTimeoutMs,
      sqliteBusyTimeoutMs: database.sqliteBusyTimeoutMs,
    }),
    ...(onConnectionError !== undefined && { onConnectionError }),
  };
}

function sqliteFile(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? undefined : file;
}
