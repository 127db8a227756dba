import { validationFailed } from '../domain/errors.js';
import { LIMITS } from '../domain/field-limits.js';
import type { InventoryFilter } from '../domain/inventory-filter.js';
import type { InventoryType } from '../domain/inventory-record.js';
import { parseIsoInstant } from '../domain/instant.js';
import { pageInfo, pageSlice, type PageInfo, type PageRequest } from '../domain/paging.js';
import type { ProductInventory } from '../domain/product-inventory.js';
import type { TenantId } from '../domain/tenant.js';
import { IssueCollector } from '../domain/value-rules.js';
import { aggregateOptionsAt } from './aggregate-options.js';
import type { InventoryDeps } from './deps.js';

export const MAX_SEARCH_PRODUCT_IDS = 1000;

/** Search filters as a client sends them; `modifiedSince` is ISO 8601 text. */
export interface SearchInput {
  readonly productIds?: readonly number[];
  readonly skus?: readonly string[];
  readonly warehouseIds?: readonly number[];
  readonly locations?: readonly string[];
  readonly inventoryType?: InventoryType;
  readonly suppliers?: readonly string[];
  readonly companyIds?: readonly number[];
  readonly modifiedSince?: string;
}

export interface SearchResult {
  readonly items: readonly ProductInventory[];
  readonly page: PageInfo;
}

/**
 * Aggregates per product over the records matching the filters, one page of products ordered by
 * id. With `productIds` exactly those products are listed (zeros where nothing matches);
 * without, the products having at least one matching record.
 */
export async function searchProductInventory(
  deps: InventoryDeps,
  tenant: TenantId,
  input: SearchInput,
  page: PageRequest,
  withBalance: boolean,
): Promise<SearchResult> {
  const filter = toFilter(input);
  const options = aggregateOptionsAt(deps.clock.now(), withBalance);
  if (filter.productIds === undefined) {
    const found = await deps.readModel.search(tenant, filter, page, options);
    return { items: found.items, page: pageInfo(page, found.itemsFound, found.items.length) };
  }
  const productIds = [...new Set(filter.productIds)].sort((a, b) => a - b);
  const onPage = pageSlice(productIds, page);
  const items = onPage.length === 0 ? [] : await deps.readModel.aggregate(tenant, onPage, filter, options);
  return { items, page: pageInfo(page, productIds.length, items.length) };
}

function toFilter(input: SearchInput): InventoryFilter {
  const check = new IssueCollector();
  if (input.productIds !== undefined && input.productIds.length > MAX_SEARCH_PRODUCT_IDS) {
    check.add('productIds', `must have at most ${MAX_SEARCH_PRODUCT_IDS} items`);
  }
  input.productIds?.forEach((id, index) => check.id(`productIds.${index}`, id, 1));
  input.warehouseIds?.forEach((id, index) => check.id(`warehouseIds.${index}`, id, 0));
  input.companyIds?.forEach((id, index) => check.id(`companyIds.${index}`, id, 0));
  input.skus?.forEach((sku, index) => check.maxLength(`skus.${index}`, sku, LIMITS.sku));
  input.locations?.forEach((location, index) => check.maxLength(`locations.${index}`, location, LIMITS.location));
  input.suppliers?.forEach((supplier, index) => check.maxLength(`suppliers.${index}`, supplier, LIMITS.supplier));
  const modifiedSince = input.modifiedSince === undefined ? undefined : parseIsoInstant(input.modifiedSince);
  if (input.modifiedSince !== undefined && modifiedSince === undefined) {
    check.add('modifiedSince', 'must be an ISO 8601 date or date-time');
  }
  if (check.issues.length > 0) throw validationFailed(check.issues, 'Invalid search filters');
  return {
    ...(input.productIds !== undefined && { productIds: input.productIds }),
    ...(input.skus !== undefined && { skus: input.skus }),
    ...(input.warehouseIds !== undefined && { warehouseIds: input.warehouseIds }),
    ...(input.locations !== undefined && { locations: input.locations }),
    ...(input.inventoryType !== undefined && { type: input.inventoryType }),
    ...(input.suppliers !== undefined && { suppliers: input.suppliers }),
    ...(input.companyIds !== undefined && { companyIds: input.companyIds }),
    ...(modifiedSince !== undefined && { modifiedSince }),
  };
}
