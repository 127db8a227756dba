import { INVENTORY_TYPES, InventoryError, parseLookupKind, qualifierField, type InventoryType, type LookupKind, type ProductLookup } from '@inventory/core';

/** The qualifiers a query string may carry for `sourceId` and `supplierCode` lookups. */
export interface LookupQualifiers {
  readonly source?: string | undefined;
  readonly supplier?: string | undefined;
}

/**
 * A product lookup from a path's `{lookupKey}/{key}` and the query's `source` / `supplier`;
 * an unknown lookup key (case-sensitive) is 400 `InvalidLookupKey`.
 */
export function lookupFrom(lookupKey: string, key: string, qualifiers: LookupQualifiers): ProductLookup {
  const kind = parseLookupKind(lookupKey);
  return { kind, key, qualifier: qualifierFor(kind, qualifiers) };
}

/** The query's source (sourceId) or supplier (supplierCode) for this kind of lookup, else ''. */
export function qualifierFor(kind: LookupKind, qualifiers: LookupQualifiers): string {
  const field = qualifierField(kind);
  return (field === undefined ? undefined : qualifiers[field]) ?? '';
}

/** `local` or `supplier`, case-sensitive; anything else is 400 `InvalidInventoryType`. */
export function parseInventoryType(text: string): InventoryType {
  const type = INVENTORY_TYPES.find((candidate) => candidate === text);
  if (type === undefined) {
    throw new InventoryError('INVALID_INVENTORY_TYPE', `Invalid inventory type '${text}': use one of ${INVENTORY_TYPES.join(', ')}`);
  }
  return type;
}
