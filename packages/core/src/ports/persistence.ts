import type { HoldStore } from './hold-store.js';
import type { IdempotencyStore } from './idempotency-store.js';
import type { InventoryReadModel } from './inventory-read-model.js';
import type { Stores, UnitOfWork } from './unit-of-work.js';

/** The persistence ports one storage adapter provides together. */
export interface PersistenceAdapters {
  readonly stores: Stores;
  readonly readModel: InventoryReadModel;
  readonly unitOfWork: UnitOfWork;
  readonly idempotency: IdempotencyStore;
  readonly holds: HoldStore;
}
