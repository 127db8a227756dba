import { InventoryError } from '../domain/errors.js';
import type { ProductLookup } from '../domain/lookup-key.js';
import type { ProductReference } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { resolveProduct } from './resolve-product.js';

/** One product reference, named by any lookup key. */
export async function getProduct(deps: InventoryDeps, tenant: TenantId, lookup: ProductLookup): Promise<ProductReference> {
  const { id } = await resolveProduct(deps.stores.products, tenant, lookup);
  const product = await deps.stores.products.get(tenant, id);
  if (product === undefined) throw new InventoryError('PRODUCT_NOT_FOUND', `Product with id ${id} not found`);
  return product;
}
