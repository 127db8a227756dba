import { validationFailed } from '../domain/errors.js';
import { checkInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryChanges, InventoryRecord } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { inventoryNotFound } from './get-inventory.js';

/** What a PATCH may send; `nextDeliveryDate: null` clears the date. Supplier and product are fixed. */
export type InventoryPatch = Omit<InventoryFieldsInput, 'supplier'>;

/** Partial update; a change that collides with another record's identity key is a conflict. */
export async function updateInventory(deps: InventoryDeps, tenant: TenantId, id: number, patch: InventoryPatch): Promise<InventoryRecord> {
  const checked = checkInventoryFields(patch);
  if (checked.issues.length > 0) throw validationFailed(checked.issues);
  const { costPrice: _costPrice, nextDeliveryDate: _nextDeliveryDate, ...plain } = patch;
  const changes: InventoryChanges = {
    ...plain,
    ...(checked.costPrice !== undefined && { costPrice: checked.costPrice }),
    ...(checked.nextDeliveryDate !== undefined && { nextDeliveryDate: checked.nextDeliveryDate }),
  };
  if (Object.keys(changes).length === 0) throw validationFailed([{ path: '', message: 'must change at least one field' }]);
  if (!Number.isSafeInteger(id) || id < 1) throw inventoryNotFound(id);
  const updated = await deps.unitOfWork.run((stores) => stores.inventory.update(tenant, id, changes, deps.clock.now()));
  if (updated === undefined) throw inventoryNotFound(id);
  return updated;
}
