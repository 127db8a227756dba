import { createMemoryAdapters, type InventoryReadModel } from '@inventory/core';
import type { ServerPersistence } from '../../src/persistence/server-persistence.js';

/** Faults a test can switch on in {@link faultyPersistence}. */
export interface Faults {
  /** The readiness probe rejects, as with an unreachable database. */
  pingFails: boolean;
  /** Aggregate reads throw this (a bug, or a driver error carrying SQL text). */
  readError: Error | undefined;
  /** Aggregate reads take this long, to keep a request in flight. */
  readDelayMs: number;
}

/** The in-memory store with switchable faults, for what a healthy database cannot show. */
export function faultyPersistence(): { persistence: ServerPersistence; faults: Faults; closed: () => boolean } {
  const faults: Faults = { pingFails: false, readError: undefined, readDelayMs: 0 };
  const adapters = createMemoryAdapters();
  let closed = false;
  const readModel: InventoryReadModel = {
    aggregate: async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, faults.readDelayMs));
      if (faults.readError !== undefined) throw faults.readError;
      return adapters.readModel.aggregate(...args);
    },
    search: (...args) => adapters.readModel.search(...args),
  };
  const persistence: ServerPersistence = {
    ...adapters,
    readModel,
    migrate: () => Promise.resolve(),
    ping: () => (faults.pingFails ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : Promise.resolve()),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
  return { persistence, faults, closed: () => closed };
}
