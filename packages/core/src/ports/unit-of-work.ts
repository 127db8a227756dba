import type { InventoryRepository } from './inventory-repository.js';
import type { MovementLedger } from './movement-ledger.js';
import type { ProductDirectory } from './product-directory.js';

/** The stores one transaction works on. */
export interface Stores {
  readonly inventory: InventoryRepository;
  readonly products: ProductDirectory;
  readonly movements: MovementLedger;
}

/**
 * Runs work in one transaction: it commits when the work resolves and rolls back when it throws.
 * Write transactions take the write lock up front (SQLite IMMEDIATE) so they never fail half-way
 * on a lock upgrade.
 */
export interface UnitOfWork {
  run<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
