import type { AuthStores } from '@inventory/auth';
import type { PersistenceAdapters } from '@inventory/core';

/** The storage the server runs on: the core's ports plus what the process lifecycle needs. */
export interface ServerPersistence extends PersistenceAdapters {
  /** Brings the schema up to date; safe to run on every start and from several processes. */
  migrate(): Promise<void>;
  /** Rejects when the database cannot answer (readiness). */
  ping(): Promise<unknown>;
  /**
   * The built-in issuer's signing keys, clients and attempt counters in the same database. An
   * in-memory persistence (tests) leaves it out, and the issuer then keeps them in memory for
   * this one process.
   */
  readonly authStores?: AuthStores;
  /** Releases the pool / file handle; the last step of a graceful shutdown. */
  close(): Promise<void>;
}
