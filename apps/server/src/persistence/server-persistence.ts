import type { PersistenceAdapters } from '@inventory/core';

/** The storage the server runs on: the core's ports plus what the process lifecycle needs. */
export interface ServerPersistence extends PersistenceAdapters {
  /** Brings the schema up to date; safe to run on every start and from several processes. */
  migrate(): Promise<void>;
  /** Rejects when the database cannot answer (readiness). */
  ping(): Promise<unknown>;
  /** Releases the pool / file handle; the last step of a graceful shutdown. */
  close(): Promise<void>;
}
