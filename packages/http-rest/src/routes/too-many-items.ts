import { InventoryError } from '@inventory/core';

/** 413 for a bulk (or adjustment) request over `BULK_MAX_ITEMS`, raised before any item is read. */
export function tooManyItems(bulkMaxItems: number, what = 'A bulk request'): InventoryError {
  return new InventoryError('PAYLOAD_TOO_LARGE', `${what} takes at most ${bulkMaxItems} items`);
}
