import type { IsoInstant } from '../domain/instant.js';
import type { InventoryFilter } from '../domain/inventory-filter.js';
import type { ProductLookup } from '../domain/lookup-key.js';
import type { PageRequest } from '../domain/paging.js';
import type { ProductInventory } from '../domain/product-inventory.js';
import type { TenantId } from '../domain/tenant.js';

export interface AggregateOptions {
  /** Midnight UTC today; next delivery dates before it do not count. */
  readonly startOfToday: IsoInstant;
  /** The clock's now: holds count while their expiry is after it. */
  readonly now: IsoInstant;
  /** Include the matching records as `balance`. */
  readonly withBalance: boolean;
}

export interface AggregatePage {
  readonly items: readonly ProductInventory[];
  readonly itemsFound: number;
}

/** The products one lookup names, and the aggregate of the product when it names exactly one. */
export interface LookupAggregate {
  /** How many products the lookup names: 0, 1, or 2 for "more than one". */
  readonly matches: 0 | 1 | 2;
  /** Present exactly when `matches` is 1. */
  readonly aggregate: ProductInventory | undefined;
}

/**
 * Answers aggregate questions directly (the SQL adapter in one query), returning plain DTOs that
 * must equal `aggregateInventory` over the records matching the filter.
 */
export interface InventoryReadModel {
  /** One aggregate per id, in the order given; a product without matching records yields zeros. */
  aggregate(tenant: TenantId, productIds: readonly number[], filter: InventoryFilter, options: AggregateOptions): Promise<ProductInventory[]>;
  /** Products with at least one matching record, ordered by productId, one page of them. */
  search(tenant: TenantId, filter: InventoryFilter, page: PageRequest, options: AggregateOptions): Promise<AggregatePage>;
  /**
   * Optional: resolves a checked lookup and aggregates the one product it names in a single round
   * trip (the SQL adapter in one statement), as the directory's `resolve` then `aggregate` would.
   * Called without `withBalance` only. Without it, the product is resolved through the directory.
   */
  aggregateOfLookup?(tenant: TenantId, lookup: ProductLookup, filter: InventoryFilter, options: AggregateOptions): Promise<LookupAggregate>;
}
