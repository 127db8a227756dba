import { InventoryError } from '../domain/errors.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';

/** Deletes a product reference; refused while any inventory record still points at it. */
export async function deleteProduct(deps: InventoryDeps, tenant: TenantId, id: number): Promise<{ id: number }> {
  await deps.unitOfWork.run(async (stores) => {
    // Delete, then count: the delete waits for every write holding the product, so their records
    // are counted; a write coming later finds it gone. The count throwing rolls the delete back.
    if (!(await stores.products.delete(tenant, id))) {
      throw new InventoryError('PRODUCT_NOT_FOUND', `Product with id ${id} not found`);
    }
    if ((await stores.inventory.countForProduct(tenant, id)) > 0) {
      throw new InventoryError('PRODUCT_HAS_INVENTORY', `Product ${id} still has inventory records; delete them first`);
    }
  });
  return { id };
}
