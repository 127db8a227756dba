import { InventoryError } from '../domain/errors.js';
import type { InventoryRecord } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';

/** One record by id; another tenant's id answers exactly like a missing one. */
export async function getInventory(deps: InventoryDeps, tenant: TenantId, id: number): Promise<InventoryRecord> {
  const record = Number.isSafeInteger(id) && id > 0 ? await deps.stores.inventory.get(tenant, id) : undefined;
  if (record === undefined) throw inventoryNotFound(id);
  return record;
}

export function inventoryNotFound(id: number): InventoryError {
  return new InventoryError('INVENTORY_NOT_FOUND', `Inventory with id ${id} not found`);
}
