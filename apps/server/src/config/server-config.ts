import type { TokenAttemptLimits } from '@inventory/auth';
import type { Env } from './env-schema.js';

/** The server's validated configuration, grouped by concern. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /**
   * Where clients reach the service (PUBLIC_URL, no trailing slash): the built-in issuer's default
   * `iss` and every URL it advertises derive from it, never from a request's headers.
   */
  readonly publicUrl: string;
  readonly databaseUrl: string;
  /** How long callers wait on the database before a 503, and how many connections it gets. */
  readonly database: {
    /** PostgreSQL pool size. */
    readonly poolMax: number;
    /** PostgreSQL: longest wait for a pool connection (also when connecting). */
    readonly acquireTimeoutMs: number;
    /** PostgreSQL `statement_timeout`. */
    readonly statementTimeoutMs: number;
    /** SQLite: longest wait for the write lock. */
    readonly sqliteBusyTimeoutMs: number;
  };
  readonly auth: {
    readonly clients: NonNullable<Env['AUTH_CLIENTS']>;
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string | undefined;
    readonly tenantClaim: string;
    /** How many failed token requests an address or a client id may make per window before 429. */
    readonly tokenAttempts: TokenAttemptLimits;
  };
  readonly limits: {
    readonly bulkMaxItems: number;
    /** Longest hold a client may ask for (`expiresIn`, docs/holds.md). */
    readonly holdMaxSeconds: number;
    readonly bodyLimitBytes: number;
    readonly searchMaxPageSize: number;
    /** Largest CSV file one import reads (REST or GraphQL); more stops it with 413. */
    readonly csvMaxBytes: number;
    /** Most data rows of one CSV import; more stops it with 413. */
    readonly csvMaxRows: number;
    /** Longest CSV row in bytes (the command line too): fast-csv's time grows with its square; more stops the import with 413. */
    readonly csvMaxRowBytes: number;
    /** `/graphql` documents deeper, with more aliases or costlier than this are refused before any resolver runs. */
    readonly graphql: { readonly maxDepth: number; readonly maxAliases: number; readonly maxCost: number };
  };
  readonly logLevel: Env['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly production: boolean;
  /** On SIGTERM, how long in-flight requests may run before their connections are cut. */
  readonly shutdownTimeoutMs: number;
  /** How long answers to requests with an `Idempotency-Key` are replayed. */
  readonly idempotencyTtlSeconds: number;
  /** Longest time to receive a whole request (headers and body); then Node answers 408 and closes. */
  readonly requestTimeoutMs: number;
}

/** The built-in issuer's `aud` unless AUTH_AUDIENCE says otherwise; its `iss` is PUBLIC_URL. */
const DEFAULT_AUDIENCE = 'inventory-api';

export function toServerConfig(env: Env): ServerConfig {
  const publicUrl = env.PUBLIC_URL === undefined ? localUrl(env.HOST, env.PORT) : new URL(env.PUBLIC_URL).href.replace(/\/+$/, '');
  return {
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    database: {
      poolMax: env.DATABASE_POOL_MAX,
      acquireTimeoutMs: env.DATABASE_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      sqliteBusyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS,
    },
    auth: {
      clients: env.AUTH_CLIENTS ?? [],
      issuer: env.AUTH_ISSUER ?? publicUrl,
      audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
      jwksUrl: env.AUTH_JWKS_URL,
      tenantClaim: env.AUTH_TENANT_CLAIM,
      tokenAttempts: {
        perAddress: env.AUTH_TOKEN_FAILURES_PER_ADDRESS,
        perClient: env.AUTH_TOKEN_FAILURES_PER_CLIENT,
        windowSeconds: env.AUTH_TOKEN_FAILURE_WINDOW_SECONDS,
      },
    },
    limits: {
      bulkMaxItems: env.BULK_MAX_ITEMS,
      holdMaxSeconds: env.HOLD_MAX_SECONDS,
      bodyLimitBytes: env.BODY_LIMIT,
      searchMaxPageSize: env.SEARCH_MAX_PAGE_SIZE,
      csvMaxBytes: env.CSV_MAX_BYTES,
      csvMaxRows: env.CSV_MAX_ROWS,
      csvMaxRowBytes: env.CSV_MAX_ROW_BYTES,
      graphql: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxAliases: env.GRAPHQL_MAX_ALIASES, maxCost: env.GRAPHQL_MAX_COST },
    },
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    production: env.NODE_ENV === 'production',
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    idempotencyTtlSeconds: env.IDEMPOTENCY_TTL_SECONDS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  };
}

/** `http://HOST:PORT` as a client on this machine reaches it: a wildcard bind answers on loopback. */
function localUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
}
