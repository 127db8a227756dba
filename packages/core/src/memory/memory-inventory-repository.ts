import { InventoryError } from '../domain/errors.js';
import type { IsoInstant } from '../domain/instant.js';
import { identityKeyString, type InventoryChanges, type InventoryRecord, type InventoryValues } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryRepository, InventoryUpsert, UpsertOutcome } from '../ports/inventory-repository.js';
import type { MemoryState } from './memory-state.js';

/** Inventory records in memory, with the same identity-key rules as the database. */
export class MemoryInventoryRepository implements InventoryRepository {
  constructor(private readonly state: MemoryState) {}

  get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined> {
    return Promise.resolve(this.state.record(tenant, id));
  }

  create(tenant: TenantId, values: InventoryValues, now: IsoInstant): Promise<InventoryRecord> {
    if (this.findByKey(tenant, values) !== undefined) return Promise.reject(alreadyExists());
    return Promise.resolve(this.insert(tenant, values, now));
  }

  update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant): Promise<InventoryRecord | undefined> {
    const current = this.state.record(tenant, id);
    if (current === undefined) return Promise.resolve(undefined);
    const next: InventoryRecord = { ...current, ...changes, lastModifiedAt: now };
    const holder = this.findByKey(tenant, next);
    if (holder !== undefined && holder.id !== id) return Promise.reject(alreadyExists());
    this.state.records.set(id, { tenant, value: next });
    return Promise.resolve(next);
  }

  delete(tenant: TenantId, id: number): Promise<boolean> {
    if (this.state.record(tenant, id) === undefined) return Promise.resolve(false);
    this.state.records.delete(id);
    return Promise.resolve(true);
  }

  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<UpsertOutcome[]> {
    const byKey = new Map<string, InventoryRecord>();
    for (const record of this.state.recordsOf(tenant)) byKey.set(identityKeyString(record), record);
    return Promise.resolve(
      rows.map(({ values, overwrite }) => {
        const current = byKey.get(identityKeyString(values));
        if (current === undefined) return { id: this.insert(tenant, values, now).id, created: true };
        const given = Object.fromEntries(overwrite.map((field) => [field, values[field]]));
        this.state.records.set(current.id, { tenant, value: { ...current, ...given, quantity: values.quantity, lastModifiedAt: now } });
        return { id: current.id, created: false };
      }),
    );
  }

  countForProduct(tenant: TenantId, productId: number): Promise<number> {
    let count = 0;
    for (const record of this.state.recordsOf(tenant)) if (record.productId === productId) count += 1;
    return Promise.resolve(count);
  }

  private insert(tenant: TenantId, values: InventoryValues, now: IsoInstant): InventoryRecord {
    const record: InventoryRecord = { ...values, id: this.state.nextId, createdAt: now, lastModifiedAt: now };
    this.state.nextId += 1;
    this.state.records.set(record.id, { tenant, value: record });
    return record;
  }

  private findByKey(tenant: TenantId, values: InventoryValues): InventoryRecord | undefined {
    const key = identityKeyString(values);
    for (const record of this.state.recordsOf(tenant)) if (identityKeyString(record) === key) return record;
    return undefined;
  }
}

function alreadyExists(): InventoryError {
  return new InventoryError('INVENTORY_ALREADY_EXISTS', 'An inventory record with the same identity key already exists');
}
