import type { ProductInventory } from '../domain/product-inventory.js';
import type { TenantId } from '../domain/tenant.js';
import { aggregateOptionsAt } from './aggregate-options.js';
import type { InventoryDeps } from './deps.js';

/**
 * Aggregates for many product ids at once, known to the directory or not (zeros when there is no
 * record): what federation entity references need, in one query however many ids.
 */
export async function getProductsInventory(
  deps: InventoryDeps,
  tenant: TenantId,
  productIds: readonly number[],
  warehouseId: number | undefined,
  withBalance: boolean,
): Promise<ProductInventory[]> {
  if (productIds.length === 0) return [];
  return deps.readModel.aggregate(tenant, productIds, warehouseId === undefined ? {} : { warehouseIds: [warehouseId] }, aggregateOptionsAt(deps.clock.now(), withBalance));
}
