import type { Movement, MovementFilter } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';

/** One page of the ledger; `next` is the cursor of the following page, null when this one is the last. */
export interface MovementPage {
  readonly items: readonly Movement[];
  readonly next: number | null;
}

/** Movements in ascending id order from the cursor on (docs/ledger.md). */
export async function listMovements(deps: InventoryDeps, tenant: TenantId, filter: MovementFilter, limit: number): Promise<MovementPage> {
  const items = await deps.stores.movements.list(tenant, filter, limit + 1);
  const page = items.slice(0, limit);
  return { items: page, next: items.length > limit ? (page.at(-1)?.id ?? null) : null };
}
