import type { IsoInstant } from './instant.js';
import { inventoryTypeOf, type InventoryRecord } from './inventory-record.js';

/** The aggregate (docs/rest.md): one product's stock over the records in scope. */
export interface ProductInventory {
  readonly productId: number;
  readonly totalQuantity: number;
  readonly totalReservedQuantity: number;
  readonly localQuantity: number;
  readonly localReservedQuantity: number;
  readonly supplierQuantity: number;
  readonly supplierReservedQuantity: number;
  readonly nextDeliveryDate: IsoInstant | null;
  /** Stock set aside by active holds in this scope (docs/holds.md). */
  readonly heldQuantity: number;
  /** `totalQuantity` − `heldQuantity`: what a new hold may still take in this scope. */
  readonly availableQuantity: number;
  /** The records themselves, present only when asked for. */
  readonly balance?: readonly InventoryRecord[];
}

/**
 * Aggregates one product's records. `startOfToday` (midnight UTC, from the clock port) is the
 * earliest next delivery date that still counts; `heldQuantity` is what active holds set aside in
 * the same scope.
 */
export function aggregateInventory(
  productId: number,
  records: Iterable<InventoryRecord>,
  startOfToday: IsoInstant,
  heldQuantity = 0,
): ProductInventory {
  let localQuantity = 0;
  let localReservedQuantity = 0;
  let supplierQuantity = 0;
  let supplierReservedQuantity = 0;
  let nextDeliveryDate: IsoInstant | null = null;
  for (const record of records) {
    const reserved = record.companyId !== 0;
    if (inventoryTypeOf(record) === 'local') {
      if (reserved) localReservedQuantity += record.quantity;
      else localQuantity += record.quantity;
    } else if (reserved) supplierReservedQuantity += record.quantity;
    else supplierQuantity += record.quantity;
    const date = record.nextDeliveryDate;
    if (date !== null && date >= startOfToday && (nextDeliveryDate === null || date < nextDeliveryDate)) {
      nextDeliveryDate = date;
    }
  }
  return productInventoryOf(productId, { localQuantity, localReservedQuantity, supplierQuantity, supplierReservedQuantity }, nextDeliveryDate, heldQuantity);
}

/** The four sums of an aggregate, free and reserved stock per inventory type. */
export type StockSums = Pick<ProductInventory, 'localQuantity' | 'localReservedQuantity' | 'supplierQuantity' | 'supplierReservedQuantity'>;

/**
 * The aggregate from its sums and held quantity: the one place the totals and the available
 * quantity are derived, whether core summed the records or a read model's query did.
 */
export function productInventoryOf(productId: number, sums: StockSums, nextDeliveryDate: IsoInstant | null, heldQuantity: number): ProductInventory {
  const { localQuantity, localReservedQuantity, supplierQuantity, supplierReservedQuantity } = sums;
  return {
    productId,
    totalQuantity: localQuantity + supplierQuantity,
    totalReservedQuantity: localReservedQuantity + supplierReservedQuantity,
    localQuantity,
    localReservedQuantity,
    supplierQuantity,
    supplierReservedQuantity,
    nextDeliveryDate,
    heldQuantity,
    availableQuantity: localQuantity + supplierQuantity - heldQuantity,
  };
}
