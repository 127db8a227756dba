import { checkLookup, type ProductLookup } from '../domain/lookup-key.js';
import type { ProductInventory } from '../domain/product-inventory.js';
import { validationFailed } from '../domain/errors.js';
import { LIMITS } from '../domain/field-limits.js';
import type { TenantId } from '../domain/tenant.js';
import { aggregateOptionsAt } from './aggregate-options.js';
import type { InventoryDeps } from './deps.js';
import { requireSingleMatch, resolveProduct } from './resolve-product.js';

export interface ProductInventoryQuery {
  readonly lookup: ProductLookup;
  /** Only records in this warehouse count. */
  readonly warehouseId?: number;
  readonly withBalance: boolean;
}

/** The aggregate of one product named by any lookup key, optionally scoped to one warehouse. */
export async function getProductInventory(deps: InventoryDeps, tenant: TenantId, query: ProductInventoryQuery): Promise<ProductInventory> {
  const { warehouseId } = query;
  if (warehouseId !== undefined && (!Number.isInteger(warehouseId) || warehouseId < 0 || warehouseId > LIMITS.idMax)) {
    throw validationFailed([{ path: 'warehouseId', message: 'must be an integer ≥ 0' }]);
  }
  const filter = warehouseId === undefined ? {} : { warehouseIds: [warehouseId] };
  const options = aggregateOptionsAt(deps.clock.now(), query.withBalance);
  if (deps.readModel.aggregateOfLookup !== undefined && !query.withBalance) {
    // One round trip for the hot read: the lookup and the aggregate together.
    const found = await deps.readModel.aggregateOfLookup(tenant, checkLookup(query.lookup), filter, options);
    requireSingleMatch(query.lookup, found.matches);
    if (found.aggregate === undefined) throw new Error('read model returned no aggregate for the one product a lookup names');
    return found.aggregate;
  }
  const product = await resolveProduct(deps.stores.products, tenant, query.lookup);
  const [aggregate] = await deps.readModel.aggregate(tenant, [product.id], filter, options);
  if (aggregate === undefined) throw new Error('read model returned no aggregate for a requested product');
  return aggregate;
}
