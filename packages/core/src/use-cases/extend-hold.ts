import { validationFailed } from '../domain/errors.js';
import { addSeconds } from '../domain/instant.js';
import type { Hold } from '../domain/hold.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';
import { checkHoldSeconds, holdChanged } from './hold-rules.js';

/** Sets an active hold's expiry to now + `expiresIn` seconds (shorter or longer than before). */
export async function extendHold(deps: InventoryDeps, tenant: TenantId, id: string, expiresIn: number): Promise<Hold> {
  const issues = checkHoldSeconds(expiresIn, deps.limits.holdMaxSeconds);
  if (issues.length > 0) throw validationFailed(issues, 'Invalid hold extension');
  const now = deps.clock.now();
  return holdChanged(await deps.holds.extend(tenant, id, addSeconds(now, expiresIn), now), id, now);
}
