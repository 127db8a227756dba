import { decimal5ToNumber, type BulkItemResult, type InventoryRecord, type ProductInventory } from '@inventory/core';
import { ERROR_CODES } from '../errors/error-codes.js';
import type { BulkUpsertItemResult, BulkUpsertResult } from '../schema/schema-types.generated.js';

/** A record as GraphQL returns it: cost price as the number REST prints, dates already canonical. */
export function inventoryOutput(record: InventoryRecord): Omit<InventoryRecord, 'costPrice'> & { readonly costPrice: number } {
  return { ...record, costPrice: decimal5ToNumber(record.costPrice) };
}

export function productInventoryOutput(aggregate: ProductInventory): Omit<ProductInventory, 'balance'> & { readonly balance: ReturnType<typeof inventoryOutput>[] } {
  return { ...aggregate, balance: (aggregate.balance ?? []).map(inventoryOutput) };
}

/** Bulk results in request order, errors named like REST's (`code` is the GraphQL extensions code). */
export function bulkUpsertOutput(results: readonly BulkItemResult[]): BulkUpsertResult {
  const items = results.map((result): BulkUpsertItemResult => {
    if (result.success) return { ...result, error: null };
    const { code, type } = ERROR_CODES[result.error.code];
    return {
      index: result.index,
      success: false,
      action: null,
      id: null,
      lookupKey: result.lookupKey,
      key: result.key,
      error: { code, type, messages: [result.error.message], details: result.error.details },
    };
  });
  return { total: items.length, items };
}
