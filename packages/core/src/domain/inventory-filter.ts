import type { IsoInstant } from './instant.js';
import { inventoryTypeOf, type InventoryRecord, type InventoryType } from './inventory-record.js';

/** Search filters (docs/rest.md); every given list restricts the records to those matching one of its values. */
export interface InventoryFilter {
  readonly productIds?: readonly number[];
  readonly skus?: readonly string[];
  readonly warehouseIds?: readonly number[];
  readonly locations?: readonly string[];
  readonly type?: InventoryType;
  readonly suppliers?: readonly string[];
  readonly companyIds?: readonly number[];
  readonly modifiedSince?: IsoInstant;
}

/** The reference semantics of a filter, which every read model must match. */
export function matchesFilter(record: InventoryRecord, filter: InventoryFilter): boolean {
  return (
    includes(filter.productIds, record.productId) &&
    includes(filter.skus, record.sku) &&
    includes(filter.warehouseIds, record.warehouseId) &&
    includes(filter.locations, record.location) &&
    includes(filter.suppliers, record.supplier) &&
    includes(filter.companyIds, record.companyId) &&
    (filter.type === undefined || inventoryTypeOf(record) === filter.type) &&
    (filter.modifiedSince === undefined || record.lastModifiedAt >= filter.modifiedSince)
  );
}

function includes<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return allowed === undefined || allowed.includes(value);
}
