import type { PersistenceAdapters } from '../ports/persistence.js';
import type { Stores } from '../ports/unit-of-work.js';
import { MemoryHoldStore } from './memory-hold-store.js';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';
import { MemoryInventoryRepository } from './memory-inventory-repository.js';
import { MemoryMovementLedger } from './memory-movement-ledger.js';
import { MemoryProductDirectory } from './memory-product-directory.js';
import { MemoryReadModel } from './memory-read-model.js';
import { MemoryState } from './memory-state.js';
import { MemoryUnitOfWork } from './memory-unit-of-work.js';

/** Every persistence port in memory: for tests, and for embedding the core without a database. */
export function createMemoryAdapters(): PersistenceAdapters {
  const state = new MemoryState();
  const stores: Stores = { inventory: new MemoryInventoryRepository(state), products: new MemoryProductDirectory(state), movements: new MemoryMovementLedger(state) };
  const unitOfWork = new MemoryUnitOfWork(state, stores);
  return { stores, readModel: new MemoryReadModel(state), unitOfWork, idempotency: new MemoryIdempotencyStore(), holds: new MemoryHoldStore(state, unitOfWork) };
}
