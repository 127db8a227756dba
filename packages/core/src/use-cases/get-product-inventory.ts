import type { ProductLookup } from '../domain/lookup-key.js';
import type { ProductInventory } from '../domain/product-inventory.js';
import { startOfUtcDay } from '../domain/instant.js';
import { validationFailed } from '../domain/errors.js';
import { LIMITS } from '../domain/field-limits.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { resolveProduct } from './resolve-product.js';

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
  const product = await resolveProduct(deps.stores.products, tenant, query.lookup);
  const [aggregate] = await deps.readModel.aggregate(
    tenant,
    [product.id],
    warehouseId === undefined ? {} : { warehouseIds: [warehouseId] },
    { startOfToday: startOfUtcDay(deps.clock.now()), withBalance: query.withBalance },
  );
  if (aggregate === undefined) throw new Error('read model returned no aggregate for a requested product');
  return aggregate;
}
