import type { InventoryRecord } from '../domain/inventory-record.js';
import type { Movement } from '../domain/movement.js';
import type { ProductReference } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';

export interface Owned<T> {
  readonly tenant: TenantId;
  readonly value: T;
}

/** All data of the in-memory adapter; values are immutable, so a snapshot is a copy of two maps. */
export class MemoryState {
  records = new Map<number, Owned<InventoryRecord>>();
  products = new Map<string, Owned<ProductReference>>();
  nextId = 1;
  /** The ledger of every tenant, in id order. */
  movements: Owned<Movement>[] = [];

  snapshot(): MemoryState {
    const copy = new MemoryState();
    copy.records = new Map(this.records);
    copy.products = new Map(this.products);
    copy.nextId = this.nextId;
    copy.movements = [...this.movements];
    return copy;
  }

  restore(snapshot: MemoryState): void {
    this.records = snapshot.records;
    this.products = snapshot.products;
    this.nextId = snapshot.nextId;
    this.movements = snapshot.movements;
  }

  record(tenant: TenantId, id: number): InventoryRecord | undefined {
    const entry = this.records.get(id);
    return entry?.tenant === tenant ? entry.value : undefined;
  }

  product(tenant: TenantId, id: number): ProductReference | undefined {
    return this.products.get(productKey(tenant, id))?.value;
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
