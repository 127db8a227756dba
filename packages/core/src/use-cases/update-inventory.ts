import { validationFailed } from '../domain/errors.js';
import { checkInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryChanges, InventoryRecord } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { WriteOrigin } from '../domain/movement.js';
import { acceptedVersions, type VersionCheck } from '../domain/version-check.js';
import type { InventoryDeps } from './deps.js';
import { recordWritten } from './record-written.js';

/** What a PATCH may send; `nextDeliveryDate: null` clears the date. Supplier and product are fixed. */
export type InventoryPatch = Omit<InventoryFieldsInput, 'supplier'>;

/** A written record and whether the write changed it (a patch equal to the record is a quiet no-op). */
export interface RecordChange {
  readonly record: InventoryRecord;
  readonly changed: boolean;
}

/**
 * Partial update in one conditional statement: the version check, the comparison with what is
 * stored and the write cannot be separated by another writer. A change that collides with
 * another record's identity key is a conflict.
 */
export async function updateInventory(deps: InventoryDeps, tenant: TenantId, id: number, patch: InventoryPatch, check?: VersionCheck, origin?: WriteOrigin): Promise<RecordChange> {
  const checked = checkInventoryFields(patch);
  if (checked.issues.length > 0) throw validationFailed(checked.issues);
  const { costPrice: _costPrice, nextDeliveryDate: _nextDeliveryDate, ...plain } = patch;
  const changes: InventoryChanges = {
    ...plain,
    ...(checked.costPrice !== undefined && { costPrice: checked.costPrice }),
    ...(checked.nextDeliveryDate !== undefined && { nextDeliveryDate: checked.nextDeliveryDate }),
  };
  if (Object.keys(changes).length === 0) throw validationFailed([{ path: '', message: 'must change at least one field' }]);
  const versions = check === undefined ? undefined : acceptedVersions(check);
  const write = Number.isSafeInteger(id) && id > 0 ? await deps.unitOfWork.run((stores) => stores.inventory.update(tenant, id, changes, deps.clock.now(), versions, origin)) : ({ status: 'missing' } as const);
  return recordWritten(write, id, check);
}
