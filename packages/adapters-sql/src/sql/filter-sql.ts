import { LOCAL_SUPPLIER, type InventoryFilter } from '@inventory/core';
import type { SqlParams } from './sql-params.js';

/**
 * The WHERE conditions of a filter over `inventory`, always starting with the tenant; the same
 * semantics as core's `matchesFilter`. Lists bind as one parameter each, so the text depends only
 * on which filters are present and statements stay cacheable.
 */
export function filterConditions(tenant: string, filter: InventoryFilter, params: SqlParams): string {
  const conditions = [`tenant = ${params.text(tenant)}`];
  const { productIds, skus, warehouseIds, locations, suppliers, companyIds, type, modifiedSince } = filter;
  if (productIds !== undefined) conditions.push(params.inList('product_id', productIds, 'int'));
  if (skus !== undefined) conditions.push(params.inList('sku', skus, 'text'));
  if (warehouseIds !== undefined) conditions.push(params.inList('warehouse_id', warehouseIds, 'int'));
  if (locations !== undefined) conditions.push(params.inList('location', locations, 'text'));
  if (suppliers !== undefined) conditions.push(params.inList('supplier', suppliers, 'text'));
  if (companyIds !== undefined) conditions.push(params.inList('company_id', companyIds, 'int'));
  if (type !== undefined) conditions.push(type === 'local' ? `supplier = '${LOCAL_SUPPLIER}'` : `supplier <> '${LOCAL_SUPPLIER}'`);
  if (modifiedSince !== undefined) conditions.push(`last_modified_at >= ${params.instant(modifiedSince)}`);
  return conditions.join(' AND ');
}
