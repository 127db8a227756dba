import { decimal5ToNumber, type AdjustmentResult as AdjustmentOutcome, type BulkItemResult, type InventoryRecord, type ProductInventory } from '@inventory/core';
import { ERROR_CODES } from '../errors/error-codes.js';
import type { AdjustmentItemResult, AdjustmentResult, BulkItemError, BulkUpsertItemResult, BulkUpsertResult } from '../schema/schema-types.generated.js';

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
    const { index, lookupKey, key } = result;
    return { index, success: false, action: null, id: null, lookupKey, key, error: itemErrorOutput(result.error) };
  });
  return { total: items.length, items };
}

/** Adjustment results in request order, failures shaped like bulk ones. */
export function adjustmentOutput(results: readonly AdjustmentOutcome[]): AdjustmentResult {
  const items = results.map((result): AdjustmentItemResult => {
    if (result.success) return { ...result, error: null };
    const { index, lookupKey, key } = result;
    return { index, success: false, lookupKey, key, error: itemErrorOutput(result.error) };
  });
  return { total: items.length, items };
}

function itemErrorOutput(error: Extract<BulkItemResult, { success: false }>['error']): BulkItemError {
  const { code, type } = ERROR_CODES[error.code];
  return { code, type, messages: [error.message], details: error.details };
}
