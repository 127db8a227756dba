import type { Clock } from '../ports/clock.js';
import type { HoldStore } from '../ports/hold-store.js';
import type { InventoryReadModel } from '../ports/inventory-read-model.js';
import type { Stores, UnitOfWork } from '../ports/unit-of-work.js';

export interface InventoryLimits {
  /** Items accepted by one bulk request (`BULK_MAX_ITEMS`). */
  readonly bulkMaxItems: number;
  /** Largest search page. */
  readonly maxPageSize: number;
  /** Longest hold, in seconds (`HOLD_MAX_SECONDS`). */
  readonly holdMaxSeconds: number;
}

export const DEFAULT_LIMITS: InventoryLimits = { bulkMaxItems: 10_000, maxPageSize: 1000, holdMaxSeconds: 604_800 };

/** What every use case may reach: the ports, and nothing else. */
export interface InventoryDeps {
  /** Stores outside any transaction, for reads. */
  readonly stores: Stores;
  readonly readModel: InventoryReadModel;
  readonly unitOfWork: UnitOfWork;
  readonly holds: HoldStore;
  readonly clock: Clock;
  readonly limits: InventoryLimits;
}
