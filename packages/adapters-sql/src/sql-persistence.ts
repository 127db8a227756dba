import type { AuthStores } from '@inventory/auth';
import type { PersistenceAdapters } from '@inventory/core';
import type { Knex } from 'knex';

export interface SqlPersistenceOptions {
  /** `sqlite:<file path>`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`. */
  readonly url: string;
  /** PostgreSQL schema to use, created by `migrate()` if missing (tests use a random one per suite). */
  readonly searchPath?: string;
  /** PostgreSQL pool; defaults min 0, max 10, acquire timeout 5000 ms. */
  readonly pool?: { readonly min?: number; readonly max?: number; readonly acquireTimeoutMs?: number };
  /** PostgreSQL `statement_timeout`, default 15000 ms. */
  readonly statementTimeoutMs?: number;
  /** How long a SQLite write waits for the write lock before SERVICE_UNAVAILABLE, default 5000 ms. */
  readonly sqliteBusyTimeoutMs?: number;
  /** Told about errors of idle PostgreSQL connections, which are dropped and replaced (for logs). */
  readonly onConnectionError?: (error: Error) => void;
}

/** Every persistence port over one SQL database, plus its lifecycle. */
export interface SqlPersistence extends PersistenceAdapters {
  readonly dialect: 'sqlite' | 'postgres';
  /** For other stores living in this package (auth); on SQLite it shares the write lock of the unit of work. */
  readonly knex: Knex;
  /**
   * The built-in issuer's signing keys and clients in this database, so every process sharing the
   * data shares them; on PostgreSQL its token-attempt counters too (SQLite leaves them in memory).
   */
  readonly authStores: AuthStores;
  /** Runs every pending migration; safe to call again and from several processes at once (PostgreSQL). */
  migrate(): Promise<void>;
  /** A cheap readiness probe; rejects with SERVICE_UNAVAILABLE when the database cannot be reached. */
  ping(): Promise<void>;
  /** Waits for running transactions, then closes every connection. */
  close(): Promise<void>;
}
