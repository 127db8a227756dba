import { InventoryError } from '../domain/errors.js';
import { checkLookup, lookupString, type ProductLookup } from '../domain/lookup-key.js';
import type { ProductSummary } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import type { ProductDirectory } from '../ports/product-directory.js';

/** Finds the one product a lookup names; PRODUCT_NOT_FOUND or PRODUCT_MULTIPLE_FOUND otherwise. */
export async function resolveProduct(products: ProductDirectory, tenant: TenantId, lookup: ProductLookup): Promise<ProductSummary> {
  checkLookup(lookup);
  const found = await products.resolve(tenant, lookup.kind, [lookup]);
  return singleMatch(lookup, found.get(lookupString(lookup)) ?? []);
}

export function singleMatch(lookup: ProductLookup, matches: readonly ProductSummary[]): ProductSummary {
  requireSingleMatch(lookup, matches.length);
  return matches[0] as ProductSummary;
}

/** PRODUCT_NOT_FOUND when a lookup names no product, PRODUCT_MULTIPLE_FOUND when it names several. */
export function requireSingleMatch(lookup: ProductLookup, matches: number): void {
  if (matches === 0) throw productNotFound(lookup);
  if (matches > 1) {
    throw new InventoryError('PRODUCT_MULTIPLE_FOUND', `Several products match ${describeLookup(lookup)}`);
  }
}

/** PRODUCT_NOT_FOUND for a lookup, also when its product is deleted after it was resolved. */
export function productNotFound(lookup: ProductLookup): InventoryError {
  return new InventoryError('PRODUCT_NOT_FOUND', `Product with ${describeLookup(lookup)} not found`);
}

function describeLookup(lookup: ProductLookup): string {
  const qualifier = lookup.qualifier === '' ? '' : ` (${lookup.kind === 'sourceId' ? 'source' : 'supplier'} ${lookup.qualifier})`;
  return `${lookup.kind} ${lookup.key}${qualifier}`;
}
