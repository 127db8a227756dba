import type { Hold } from '../domain/hold.js';
import type { WriteOrigin } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { holdChanged } from './hold-rules.js';

/** Turns an active hold into stock decrements with `sale` movements (docs/holds.md); HOLD_NOT_ACTIVE once it is not. */
export async function commitHold(deps: InventoryDeps, tenant: TenantId, id: string, origin?: WriteOrigin): Promise<Hold> {
  const now = deps.clock.now();
  return holdChanged(await deps.holds.commit(tenant, id, now, origin), id, now);
}
