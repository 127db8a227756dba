import type { IsoInstant } from '../domain/instant.js';
import { inventoryTypeOf, type InventoryRecord } from '../domain/inventory-record.js';
import type { Movement, MovementFilter, MovementNote, WriteOrigin } from '../domain/movement.js';
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

/** Appends the movement of a record's quantity change (none when it did not change); returns its id. */
export function appendMovement(state: MemoryState, tenant: TenantId, record: InventoryRecord, delta: number, note: MovementNote, origin: WriteOrigin, now: IsoInstant): number {
  if (delta === 0) return 0;
  const id = (state.movements.at(-1)?.value.id ?? 0) + 1;
  const { productId, warehouseId, location, companyId, supplier, supplierCode } = record;
  const movement = { id, inventoryId: record.id, productId, inventoryType: inventoryTypeOf(record), warehouseId, location, companyId, supplier, supplierCode, delta, quantityAfter: record.quantity, ...note, ...origin, createdAt: now };
  state.movements.push({ tenant, value: movement });
  return id;
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
