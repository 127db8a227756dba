import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { inventoryNotFound } from './get-inventory.js';

/** Hard delete; another tenant's id answers exactly like a missing one. */
export async function deleteInventory(deps: InventoryDeps, tenant: TenantId, id: number): Promise<{ id: number }> {
  const deleted = Number.isSafeInteger(id) && id > 0 && (await deps.unitOfWork.run((stores) => stores.inventory.delete(tenant, id)));
  if (!deleted) throw inventoryNotFound(id);
  return { id };
}
