import type { Movement, MovementFilter } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { MovementLedger } from '../ports/movement-ledger.js';
import type { MemoryState } from './memory-state.js';

/** The ledger in memory. */
export class MemoryMovementLedger implements MovementLedger {
  constructor(private readonly state: MemoryState) {}

  list(tenant: TenantId, filter: MovementFilter, limit: number): Promise<Movement[]> {
    const found: Movement[] = [];
    for (const { tenant: owner, value } of this.state.movements) {
      if (found.length >= limit) break;
      if (owner === tenant && matches(value, filter)) found.push(value);
    }
    return Promise.resolve(found);
  }
}

export function matches(movement: Movement, filter: MovementFilter): boolean {
  return (
    (filter.after === undefined || movement.id > filter.after) &&
    (filter.productId === undefined || movement.productId === filter.productId) &&
    (filter.inventoryId === undefined || movement.inventoryId === filter.inventoryId) &&
    (filter.reason === undefined || movement.reason === filter.reason) &&
    (filter.from === undefined || movement.createdAt >= filter.from) &&
    (filter.to === undefined || movement.createdAt < filter.to)
  );
}
