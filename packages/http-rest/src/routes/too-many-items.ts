import { InventoryError } from '@inventory/core';

/** 413 for a bulk request over `BULK_MAX_ITEMS`, raised before any item is read. */
export function tooManyItems(bulkMaxItems: number): InventoryError {
  return new InventoryError('PAYLOAD_TOO_LARGE', `A bulk request takes at most ${bulkMaxItems} items`);
}
