import { InventoryError, type Issue } from '../domain/errors.js';
import type { CheckedInventoryFields, InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryType, InventoryValues } from '../domain/inventory-record.js';
import { buildInventoryValues } from './build-inventory-values.js';
import type { LookupKind, ProductLookup } from '../domain/lookup-key.js';
import type { ProductSummary } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { singleMatch } from './resolve-product.js';

/** Resolves every lookup with one directory query per lookup kind present. */
export async function resolveAll(deps: InventoryDeps, tenant: TenantId, readable: readonly { readonly lookup: ProductLookup; readonly lookupText: string }[]): Promise<(lookup: ProductLookup, lookupText: string) => ProductSummary | InventoryError> {
  const byKind = new Map<LookupKind, Map<string, ProductLookup>>();
  for (const { lookup, lookupText } of readable) {
    let lookups = byKind.get(lookup.kind);
    if (lookups === undefined) {
      lookups = new Map<string, ProductLookup>();
      byKind.set(lookup.kind, lookups);
    }
    lookups.set(lookupText, lookup);
  }
  const found = new Map<LookupKind, ReadonlyMap<string, readonly ProductSummary[]>>();
  for (const [kind, lookups] of byKind) found.set(kind, await deps.stores.products.resolve(tenant, kind, [...lookups.values()]));
  return (lookup, lookupText) => {
    try {
      return singleMatch(lookup, found.get(lookup.kind)?.get(lookupText) ?? []);
    } catch (error) {
      if (error instanceof InventoryError) return error;
      throw error;
    }
  };
}


/** Why an item could not become a row: an unknown or ambiguous product, or values that break a rule. */
export interface ItemFailure {
  readonly code: InventoryError['code'];
  readonly message: string;
  readonly details: readonly Issue[];
}

/** An item's complete record values from its resolved product, or why it has none. */
export function valuesOfItem(
  resolved: ProductSummary | InventoryError,
  type: InventoryType,
  lookup: ProductLookup,
  fields: InventoryFieldsInput & { readonly quantity: number },
  checked: CheckedInventoryFields,
): InventoryValues | ItemFailure {
  if (resolved instanceof InventoryError) return { code: resolved.code, message: resolved.message, details: [] };
  const values = buildInventoryValues(resolved, type, lookup, fields, checked);
  return Array.isArray(values) ? { code: 'VALIDATION_FAILED', message: 'Validation failed', details: values } : values;
}

export function isItemFailure(value: InventoryValues | ItemFailure): value is ItemFailure {
  return 'code' in value;
}
