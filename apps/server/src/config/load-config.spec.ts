import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults (docs/configuration.md) to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'http://127.0.0.1:8080',
      databaseUrl: 'sqlite:./data/inventory.db',
      database: { poolMax: 10, acquireTimeoutMs: 5000, statementTimeoutMs: 15_000, sqliteBusyTimeoutMs: 5000 },
      auth: {
        clients: [],
        issuer: 'http://127.0.0.1:8080',
        audience: 'inventory-api',
        jwksUrl: undefined,
        tenantClaim: 'tenant',
        tokenAttempts: { perAddress: 30, perClient: 10, windowSeconds: 60 },
      },
      limits: { bulkMaxItems: 10_000, holdMaxSeconds: 604_800, bodyLimitBytes: 4 * 1024 * 1024, searchMaxPageSize: 1000, csvMaxBytes: 100 * 1024 * 1024, csvMaxRows: 1_000_000, csvMaxRowBytes: 65_536, graphql: { maxDepth: 10, maxAliases: 30, maxCost: 5000 } },
      logLevel: 'info',
      corsOrigins: [],
      production: false,
      shutdownTimeoutMs: 10_000,
      idempotencyTtlSeconds: 86_400,
      requestTimeoutMs: 300_000,
    });
  });

  it('treats empty variables as unset and ignores variables it does not know', () => {
    expect(loadConfig({ PORT: '', HOME: '/root', PATH: '/bin' }).port).toBe(8080);
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      PUBLIC_URL: 'https://inventory.example/api/',
      DATABASE_URL: 'postgres://app@db:5432/inventory',
      AUTH_CLIENTS: JSON.stringify([{ clientId: 'shop', clientSecret: 's3cret-s3cret-s3cret-s3cret-s3cret', tenant: 'acme', scopes: ['inventory:read'] }]),
      AUTH_JWKS_URL: 'https://login.example/jwks.json',
      AUTH_ISSUER: 'https://login.example/',
      AUTH_AUDIENCE: 'inventory',
      AUTH_TENANT_CLAIM: 'org',
      AUTH_TOKEN_FAILURES_PER_ADDRESS: '50',
      AUTH_TOKEN_FAILURES_PER_CLIENT: '5',
      AUTH_TOKEN_FAILURE_WINDOW_SECONDS: '300',
      BULK_MAX_ITEMS: '500',
      BODY_LIMIT: '1048576',
      SEARCH_MAX_PAGE_SIZE: '100',
      CSV_MAX_BYTES: '5000000',
      CSV_MAX_ROWS: '20000',
      CSV_MAX_ROW_BYTES: '4096',
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_COST: '800',
      DATABASE_POOL_MAX: '4',
      DATABASE_ACQUIRE_TIMEOUT_MS: '1500',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      SQLITE_BUSY_TIMEOUT_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '20000',
      REQUEST_TIMEOUT_MS: '45000',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.example, http://localhost:3000',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      publicUrl: 'https://inventory.example/api',
      databaseUrl: 'postgres://app@db:5432/inventory',
      auth: {
        clients: [{ clientId: 'shop', tenant: 'acme', scopes: ['inventory:read'] }],
        jwksUrl: 'https://login.example/jwks.json',
        issuer: 'https://login.example/',
        audience: 'inventory',
        tenantClaim: 'org',
        tokenAttempts: { perAddress: 50, perClient: 5, windowSeconds: 300 },
      },
      database: { poolMax: 4, acquireTimeoutMs: 1500, statementTimeoutMs: 3000, sqliteBusyTimeoutMs: 2000 },
      limits: { bulkMaxItems: 500, holdMaxSeconds: 604_800, bodyLimitBytes: 1_048_576, searchMaxPageSize: 100, csvMaxBytes: 5_000_000, csvMaxRows: 20_000, csvMaxRowBytes: 4096, graphql: { maxDepth: 6, maxAliases: 5, maxCost: 800 } },
      logLevel: 'warn',
      corsOrigins: ['https://a.example', 'http://localhost:3000'],
      production: true,
      shutdownTimeoutMs: 20_000,
      requestTimeoutMs: 45_000,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/inventory'],
    ['BULK_MAX_ITEMS', '0'],
    ['BODY_LIMIT', '4mb'],
    ['SEARCH_MAX_PAGE_SIZE', '1001'],
    ['CSV_MAX_BYTES', '100MiB'],
    ['CSV_MAX_ROWS', '0'],
    ['GRAPHQL_MAX_DEPTH', '1'],
    ['GRAPHQL_MAX_ALIASES', 'many'],
    ['GRAPHQL_MAX_COST', '0'],
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '5s'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '10'],
    ['SQLITE_BUSY_TIMEOUT_MS', '-1'],
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
    ['REQUEST_TIMEOUT_MS', '50'],
    ['LOG_LEVEL', 'verbose'],
    ['CORS_ORIGINS', 'shop.example'],
    ['AUTH_JWKS_URL', 'not a url'],
    ['AUTH_TENANT_CLAIM', 'sub'],
    ['PUBLIC_URL', 'inventory.example'],
    ['PUBLIC_URL', 'ftp://inventory.example'],
    ['PUBLIC_URL', 'https://inventory.example/?tenant=a'],
    ['PUBLIC_URL', 'https://user:pw@inventory.example'],
    ['AUTH_TOKEN_FAILURES_PER_ADDRESS', '0'],
    ['AUTH_TOKEN_FAILURES_PER_CLIENT', 'ten'],
    ['AUTH_TOKEN_FAILURE_WINDOW_SECONDS', '86401'],
  ])('names %s when its value %s is invalid', (variable, value) => {
    expect(configError({ [variable]: value })).toContain(variable);
  });

  it('requires AUTH_ISSUER and AUTH_AUDIENCE with an external issuer', () => {
    const message = configError({ AUTH_JWKS_URL: 'https://login.example/jwks.json' });
    expect(message).toContain('AUTH_ISSUER');
    expect(message).toContain('AUTH_AUDIENCE');
  });

  it('reports every bad variable at once', () => {
    const message = configError({ PORT: '-1', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
  });

  it('names AUTH_CLIENTS without echoing a secret when a client is malformed', () => {
    const message = configError({ AUTH_CLIENTS: JSON.stringify([{ clientId: 'shop', clientSecret: 'do-not-print-me', tenant: '', scopes: ['admin'] }]) });
    expect(message).toContain('AUTH_CLIENTS');
    expect(message).not.toContain('do-not-print-me');
    expect(configError({ AUTH_CLIENTS: '[{"clientSecret": "do-not-print-me"' })).not.toContain('do-not-print-me');
  });

  it('derives the issuer and every advertised URL from PUBLIC_URL, which defaults to http://HOST:PORT', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://inventory.example' })).toMatchObject({ publicUrl: 'https://inventory.example', auth: { issuer: 'https://inventory.example' } });
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '9090' })).toMatchObject({ publicUrl: 'http://127.0.0.1:9090', auth: { issuer: 'http://127.0.0.1:9090' } });
    expect(loadConfig({ HOST: '::', PORT: '9090' }).publicUrl).toBe('http://[::1]:9090');
    expect(loadConfig({ PUBLIC_URL: 'https://inventory.example', AUTH_ISSUER: 'urn:inventory' }).auth.issuer).toBe('urn:inventory');
  });

  it('refuses a static client secret shorter than 32 characters, naming AUTH_CLIENTS without the secret', () => {
    const client = (clientSecret: string) => JSON.stringify([{ clientId: 'shop', clientSecret, tenant: 'acme', scopes: ['inventory:read'] }]);
    const message = configError({ AUTH_CLIENTS: client('short-but-not-printed-012345') });
    expect(message).toContain('AUTH_CLIENTS');
    expect(message).toContain('at least 32 characters');
    expect(message).not.toContain('short-but-not-printed');
    expect(loadConfig({ AUTH_CLIENTS: client('x'.repeat(32)) }).auth.clients).toHaveLength(1);
  });
});
