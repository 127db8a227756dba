import type { Hold } from '../domain/hold.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { holdChanged } from './hold-rules.js';

/** Gives an active hold's stock back at once; no record changes. */
export async function releaseHold(deps: InventoryDeps, tenant: TenantId, id: string): Promise<Hold> {
  const now = deps.clock.now();
  return holdChanged(await deps.holds.release(tenant, id, now), id, now);
}
