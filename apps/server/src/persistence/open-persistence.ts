import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSqlPersistence } from '@inventory/adapters-sql';
import { withAuthStores } from '../auth/sql-auth-stores.js';
import type { ServerConfig } from '../config/server-config.js';
import type { ServerPersistence } from './server-persistence.js';

/**
 * Opens the database `DATABASE_URL` names: an SQLite file (its folder created if missing, so a
 * fresh clone starts with no setup) or PostgreSQL, with the issuer's stores in it.
 */
export async function openPersistence(config: Pick<ServerConfig, 'databaseUrl'>): Promise<ServerPersistence> {
  const file = sqliteFile(config.databaseUrl);
  if (file !== undefined) await mkdir(dirname(file), { recursive: true });
  return withAuthStores(await createSqlPersistence({ url: config.databaseUrl }));
}

function sqliteFile(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? undefined : file;
}
