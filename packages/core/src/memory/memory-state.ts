import { holdStatusAt, lineInScope, type Hold } from '../domain/hold.js';
import type { IsoInstant } from '../domain/instant.js';
import type { InventoryRecord } from '../domain/inventory-record.js';
import type { Movement } from '../domain/movement.js';
import type { ProductReference } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';

export interface Owned<T> {
  readonly tenant: TenantId;
  readonly value: T;
}

/** All data of the in-memory adapter; values are immutable, so a snapshot is a copy of the maps. */
export class MemoryState {
  records = new Map<number, Owned<InventoryRecord>>();
  products = new Map<string, Owned<ProductReference>>();
  holds = new Map<string, Owned<Hold>>();
  nextId = 1;
  /** The ledger of every tenant, in id order. */
  movements: Owned<Movement>[] = [];
  nextHoldId = 1;

  snapshot(): MemoryState {
    const copy = new MemoryState();
    copy.records = new Map(this.records);
    copy.products = new Map(this.products);
    copy.holds = new Map(this.holds);
    copy.nextId = this.nextId;
    copy.movements = [...this.movements];
    copy.nextHoldId = this.nextHoldId;
    return copy;
  }

  restore(snapshot: MemoryState): void {
    this.records = snapshot.records;
    this.products = snapshot.products;
    this.holds = snapshot.holds;
    this.nextId = snapshot.nextId;
    this.movements = snapshot.movements;
    this.nextHoldId = snapshot.nextHoldId;
  }

  record(tenant: TenantId, id: number): InventoryRecord | undefined {
    const entry = this.records.get(id);
    return entry?.tenant === tenant ? entry.value : undefined;
  }

  product(tenant: TenantId, id: number): ProductReference | undefined {
    return this.products.get(productKey(tenant, id))?.value;
  }

  hold(tenant: TenantId, id: string): Hold | undefined {
    const entry = this.holds.get(id);
    return entry?.tenant === tenant ? entry.value : undefined;
  }

  *holdsOf(tenant: TenantId): Generator<Hold> {
    for (const entry of this.holds.values()) if (entry.tenant === tenant) yield entry.value;
  }

  /** Stock active holds set aside at `now` for a product, in the given warehouses or (undefined) all of it. */
  heldQuantity(tenant: TenantId, productId: number, warehouseIds: readonly number[] | undefined, now: IsoInstant): number {
    let held = 0;
    for (const hold of this.holdsOf(tenant)) {
      if (holdStatusAt(hold, now) !== 'active') continue;
      for (const line of hold.lines) if (lineInScope(line, productId, warehouseIds)) held += line.quantity;
    }
    return held;
  }

  *recordsOf(tenant: TenantId): Generator<InventoryRecord> {
    for (const entry of this.records.values()) if (entry.tenant === tenant) yield entry.value;
  }

  *productsOf(tenant: TenantId): Generator<ProductReference> {
    for (const entry of this.products.values()) if (entry.tenant === tenant) yield entry.value;
  }
}

export function productKey(tenant: TenantId, id: number): string {
  return JSON.stringify([tenant, id]);
}
