import type { InventoryRecord } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { WriteOrigin } from '../domain/movement.js';
import { acceptedVersions, type VersionCheck } from '../domain/version-check.js';
import type { InventoryDeps } from './deps.js';
import { recordWritten } from './record-written.js';

/** Hard delete, optionally conditional on the version; another tenant's id answers exactly like a missing one. */
export async function deleteInventory(deps: InventoryDeps, tenant: TenantId, id: number, check?: VersionCheck, origin?: WriteOrigin): Promise<InventoryRecord> {
  const versions = check === undefined ? undefined : acceptedVersions(check);
  const write = Number.isSafeInteger(id) && id > 0 ? await deps.unitOfWork.run((stores) => stores.inventory.delete(tenant, id, versions, deps.clock.now(), origin)) : ({ status: 'missing' } as const);
  return recordWritten(write, id, check).record;
}
