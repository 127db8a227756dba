import type { InventoryDeps } from './deps.js';

/**
 * The sweeper's step: marks holds past their expiry as `expired`. Only tidying — they stopped
 * counting at their expiry — and the place a `hold.expired` event will be emitted from.
 */
export function expireHolds(deps: Pick<InventoryDeps, 'holds' | 'clock'>): Promise<number> {
  return deps.holds.expire(deps.clock.now());
}
