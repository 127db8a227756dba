import type { BulkItemResult, ErrorCode, Issue, LookupKind, ProductItemResult } from '@inventory/core';
import { ERROR_TABLE } from '../errors/error-table.js';

export interface ItemErrorJson {
  readonly code: number;
  readonly type: string;
  readonly messages: readonly string[];
  readonly details?: readonly Issue[];
}

/** One item's outcome in a bulk response (docs/rest.md), in the request's order. */
export type ItemResultJson =
  | { readonly index: number; readonly success: true; readonly action: 'create' | 'update'; readonly changed?: boolean; readonly id: number; readonly lookupKey: LookupKind; readonly key: string | number | null }
  | { readonly index: number; readonly success: false; readonly lookupKey: LookupKind; readonly key: string | number | null; readonly error: ItemErrorJson };

export function presentBulkResult(result: BulkItemResult): ItemResultJson {
  // Core's success result already has the wire shape, key for key and in order: no copy per item.
  if (result.success) return result;
  const { index, lookupKey, key } = result;
  return { index, success: false, lookupKey, key, error: itemError(result.error) };
}

/** Product items answer like inventory items, named by their id. */
export function presentProductResult(result: ProductItemResult): ItemResultJson {
  const { index, key } = result;
  if (result.success) return { index, success: true, action: result.action, id: result.id, lookupKey: 'id', key };
  return { index, success: false, lookupKey: 'id', key, error: itemError(result.error) };
}

/** A failed item's error as the wire shows it. */
export function itemError(error: { readonly code: ErrorCode; readonly message: string; readonly details: readonly Issue[] }): ItemErrorJson {
  const wire = ERROR_TABLE[error.code];
  return { code: wire.code, type: wire.type, messages: [error.message], ...(error.details.length > 0 && { details: error.details }) };
}
