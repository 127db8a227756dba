import { createSqlPersistence, type SqlPersistence } from '@inventory/adapters-sql';
import { dropSchema, pgTestUrl, randomSchemaName } from '@inventory/adapters-sql/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/lifecycle/start-server.js';
import { createLogger } from '../../src/logging/create-logger.js';

export const RW_CLIENT = { clientId: 'acme-rw', clientSecret: 'rw-secret-Zq8Xv1Lm3Np5Rt7Wy9Bc4Df6', tenant: 'acme', scopes: ['inventory:read', 'inventory:write'] } as const;
export const READ_CLIENT = { clientId: 'acme-r', clientSecret: 'r-secret-Hk2Jd4Fs6Ga8Pl0Oi1Uy3Tr5E', tenant: 'acme', scopes: ['inventory:read'] } as const;
export const OTHER_CLIENT = { clientId: 'globex-rw', clientSecret: 'globex-secret-Uy7Tr5Ee3Ww1Qq9Lm2Np4', tenant: 'globex', scopes: ['inventory:read', 'inventory:write'] } as const;

/** Where the test servers say clients reach them (behind a proxy, as it were): their issuer and advertised URLs. */
export const PUBLIC_URL = 'https://inventory.example';

/** A database both a test and its servers open: an SQLite file, or a PostgreSQL schema. */
export interface SharedDatabase {
  readonly url: string;
  /** A new connection to it, as another server process would open. */
  open(): Promise<SqlPersistence>;
  cleanup(): Promise<void>;
}

export async function sqliteDatabase(): Promise<SharedDatabase> {
  const folder = await mkdtemp(join(tmpdir(), 'inventory-auth-'));
  const url = `sqlite:${join(folder, 'inventory.db')}`;
  return { url, open: () => createSqlPersistence({ url }), cleanup: () => rm(folder, { recursive: true, force: true }) };
}

export function postgresDatabase(): Promise<SharedDatabase> {
  const schema = randomSchemaName();
  return Promise.resolve({ url: pgTestUrl(), open: () => createSqlPersistence({ url: pgTestUrl(), searchPath: schema }), cleanup: () => dropSchema(schema) });
}

/** A real server over the shared database, its pino output captured line by line. */
export async function startAuthServer(database: SharedDatabase, env: Readonly<Record<string, string>> = {}): Promise<{ server: RunningServer; logs: string[] }> {
  const logs: string[] = [];
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', PUBLIC_URL, LOG_LEVEL: 'trace', DATABASE_URL: database.url, AUTH_CLIENTS: JSON.stringify([RW_CLIENT, READ_CLIENT, OTHER_CLIENT]), ...env });
  const logger = createLogger(config, { write: (line: string) => logs.push(line) });
  const server = await startServer(config, { logger, persistence: await database.open() });
  return { server, logs };
}

/** `POST /oauth2/token` with form-body credentials; answers the raw response. */
export function requestToken(url: string, client: { clientId: string; clientSecret: string }, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, ...extra }),
  });
}

export async function tokenFor(url: string, client: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await requestToken(url, client);
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined) throw new Error(`no token for ${client.clientId}: ${response.status}`);
  return body.access_token;
}
