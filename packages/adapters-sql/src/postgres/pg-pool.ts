import pg from 'pg';

export interface PgPoolOptions {
  readonly connectionString: string;
  readonly searchPath: string | undefined;
  readonly min: number;
  readonly max: number;
  readonly acquireTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly onConnectionError: (error: Error) => void;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The one pg pool: a bounded wait for a connection (also when connecting), a server-side
 * statement timeout with a client-side backstop, and an `error` listener on the pool and on every client, so a connection
 * that dies — idle or checked out — never crashes the process.
 */
export function createPgPool(options: PgPoolOptions): pg.Pool {
  if (options.searchPath !== undefined && !SCHEMA_NAME.test(options.searchPath)) {
    throw new Error('searchPath must be a plain schema name: letters, digits and underscores');
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    min: options.min,
    max: options.max,
    connectionTimeoutMillis: options.acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    // The server enforces statement_timeout only while it runs; a frozen server or a silent
    // network would leave queries hanging until TCP gives up, so the client gives up too.
    ...(options.statementTimeoutMs > 0 && { query_timeout: options.statementTimeoutMs + 1_000 }),
    idle_in_transaction_session_timeout: Math.max(60_000, options.statementTimeoutMs * 2),
    keepAlive: true,
    application_name: 'inventory-service',
    ...(options.searchPath !== undefined && { options: `-c search_path=${options.searchPath}` }),
  });
  pool.on('error', (error) => options.onConnectionError(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError(error)));
  return pool;
}
