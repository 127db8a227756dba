import { ManualClock } from '../clocks/manual-clock.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { DEFAULT_LIMITS, type InventoryLimits } from '../use-cases/deps.js';
import { InventoryService } from '../use-cases/inventory-service.js';

/** The core service over a set of adapters with a manual clock, for tests of any adapter. */
export function serviceOver(adapters: PersistenceAdapters, clock = new ManualClock('2025-06-15T10:00:00.000Z'), limits: InventoryLimits = DEFAULT_LIMITS): InventoryService {
  return new InventoryService({ ...adapters, clock, limits });
}
