import { holdAt, type Hold } from '../domain/hold.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { holdNotFound } from './hold-rules.js';

/** One hold as it stands now: a hold past its expiry reads as `expired` from that instant. */
export async function getHold(deps: InventoryDeps, tenant: TenantId, id: string): Promise<Hold> {
  const hold = await deps.holds.get(tenant, id);
  if (hold === undefined) throw holdNotFound(id);
  return holdAt(hold, deps.clock.now());
}
