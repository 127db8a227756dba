import type { ProductLookup, TenantId } from '@inventory/core';
import { isStorableId } from './inventory-row.js';
import type { SqlParams } from './sql-params.js';

/** The product id a lookup key names, when it is one an integer column can hold; else undefined. */
export function storableProductId(key: string): number | undefined {
  if (!/^[1-9]\d*$/.test(key)) return undefined;
  const id = Number(key);
  return isStorableId(id) ? id : undefined;
}

/**
 * A query for the ids of the products one lookup names (column `id`), each condition on an index
 * of `products` or `product_sources`. An id key no integer column holds names none (id 0).
 */
export function lookupProductIds(tenant: TenantId, lookup: ProductLookup, params: SqlParams): string {
  switch (lookup.kind) {
    case 'id':
      return `SELECT p.id FROM products p WHERE p.tenant = ${params.text(tenant)} AND p.id = ${params.int(storableProductId(lookup.key) ?? 0)}`;
    case 'sku':
      return `SELECT p.id FROM products p WHERE p.tenant = ${params.text(tenant)} AND p.sku = ${params.text(lookup.key)}`;
    case 'supplierCode':
      return `SELECT p.id FROM products p WHERE p.tenant = ${params.text(tenant)} AND p.supplier = ${params.text(lookup.qualifier)} AND p.supplier_code = ${params.text(lookup.key)}`;
    case 'sourceId':
      return (
        'SELECT p.id FROM product_sources s JOIN products p ON p.tenant = s.tenant AND p.id = s.product_id ' +
        `WHERE s.tenant = ${params.text(tenant)} AND s.source = ${params.text(lookup.qualifier)} AND s.source_id = ${params.text(lookup.key)}`
      );
  }
}
