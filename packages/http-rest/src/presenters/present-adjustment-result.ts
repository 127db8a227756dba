import type { AdjustmentResult } from '@inventory/core';
import { itemError, type ItemErrorJson } from './present-item-result.js';

/** One adjustment's outcome on the wire (`AdjustmentResult` in the OpenAPI document). */
export type AdjustmentResultJson =
  | Extract<AdjustmentResult, { success: true }>
  | { readonly index: number; readonly success: false; readonly lookupKey: AdjustmentResult['lookupKey']; readonly key: string | null; readonly error: ItemErrorJson };

/** One adjustment's outcome, in the request's order; a success already has the wire shape. */
export function presentAdjustmentResult(result: AdjustmentResult): AdjustmentResultJson {
  if (result.success) return result;
  const { index, lookupKey, key } = result;
  return { index, success: false, lookupKey, key, error: itemError(result.error) };
}
