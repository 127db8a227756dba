import { InventoryError } from '../domain/errors.js';
import type { IsoInstant } from '../domain/instant.js';
import { identityKeyString, type InventoryChanges, type InventoryRecord, type InventoryValues } from '../domain/inventory-record.js';
import { LIMITS } from '../domain/field-limits.js';
import { EMBEDDED_ORIGIN, type MovementNote, type WriteOrigin } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { AdjustmentOutcome, AdjustmentRow, InventoryRepository, InventoryUpsert, RecordWrite, UpsertConflict, UpsertOutcome } from '../ports/inventory-repository.js';
import { appendMovement } from './memory-movement-ledger.js';
import type { MemoryState } from './memory-state.js';

/** Inventory records in memory, with the same identity-key, version and no-op rules as the database. */
export class MemoryInventoryRepository implements InventoryRepository {
  constructor(private readonly state: MemoryState) {}

  get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined> {
    return Promise.resolve(this.state.record(tenant, id));
  }

  create(tenant: TenantId, values: InventoryValues, now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<InventoryRecord> {
    if (this.findByKey(tenant, values) !== undefined) return Promise.reject(alreadyExists());
    const record = this.insert(tenant, values, now);
    appendMovement(this.state, tenant, record, record.quantity, SET, origin, now);
    return Promise.resolve(record);
  }

  update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant, versions?: readonly number[], origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<RecordWrite> {
    const current = this.state.record(tenant, id);
    if (current === undefined) return Promise.resolve({ status: 'missing' });
    if (versions !== undefined && !versions.includes(current.version)) return Promise.resolve({ status: 'version-mismatch', version: current.version });
    if (!differs(current, changes)) return Promise.resolve({ status: 'written', record: current, changed: false });
    const next: InventoryRecord = { ...current, ...changes, lastModifiedAt: now, version: current.version + 1 };
    const holder = this.findByKey(tenant, next);
    if (holder !== undefined && holder.id !== id) return Promise.reject(alreadyExists());
    this.state.records.set(id, { tenant, value: next });
    appendMovement(this.state, tenant, next, next.quantity - current.quantity, SET, origin, now);
    return Promise.resolve({ status: 'written', record: next, changed: true });
  }

  delete(tenant: TenantId, id: number, versions?: readonly number[], now?: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<RecordWrite> {
    const current = this.state.record(tenant, id);
    if (current === undefined) return Promise.resolve({ status: 'missing' });
    if (versions !== undefined && !versions.includes(current.version)) return Promise.resolve({ status: 'version-mismatch', version: current.version });
    this.state.records.delete(id);
    appendMovement(this.state, tenant, { ...current, quantity: 0 }, -current.quantity, { reason: 'delete', reference: '' }, origin, now ?? current.lastModifiedAt);
    return Promise.resolve({ status: 'written', record: current, changed: true });
  }

  adjustMany(tenant: TenantId, rows: readonly AdjustmentRow[], now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<AdjustmentOutcome[]> {
    return Promise.resolve(
      rows.map(({ values, delta, note, expectedVersion, allowNegative }): AdjustmentOutcome => {
        const current = this.findByKey(tenant, values);
        if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) return { status: 'version-conflict', version: current?.version ?? 0 };
        const quantity = (current?.quantity ?? 0) + delta;
        if (current === undefined ? delta < 0 : quantity < 0 && !allowNegative) return { status: 'insufficient', quantity: current?.quantity ?? 0 };
        if (quantity < LIMITS.quantity.min || quantity > LIMITS.quantity.max) return { status: 'out-of-range', quantity: current?.quantity ?? 0 };
        const record = current === undefined ? this.insert(tenant, { ...values, quantity }, now) : { ...current, quantity, lastModifiedAt: now, version: current.version + 1 };
        this.state.records.set(record.id, { tenant, value: record });
        const movementId = appendMovement(this.state, tenant, record, delta, note, origin, now);
        return { status: 'applied', id: record.id, created: current === undefined, quantity, version: record.version, movementId };
      }),
    );
  }

  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<(UpsertOutcome | UpsertConflict)[]> {
    const byKey = new Map<string, InventoryRecord>();
    for (const record of this.state.recordsOf(tenant)) byKey.set(identityKeyString(record), record);
    return Promise.resolve(
      rows.map(({ values, overwrite, expectedVersion }) => {
        const current = byKey.get(identityKeyString(values));
        if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) return { conflictVersion: current?.version ?? 0 };
        if (current === undefined) {
          const record = this.insert(tenant, values, now);
          appendMovement(this.state, tenant, record, record.quantity, SET, origin, now);
          return { id: record.id, created: true, changed: true };
        }
        const changes: InventoryChanges = { ...Object.fromEntries(overwrite.map((field) => [field, values[field]])), quantity: values.quantity };
        if (!differs(current, changes)) return { id: current.id, created: false, changed: false };
        const next = { ...current, ...changes, lastModifiedAt: now, version: current.version + 1 };
        this.state.records.set(current.id, { tenant, value: next });
        appendMovement(this.state, tenant, next, next.quantity - current.quantity, SET, origin, now);
        return { id: current.id, created: false, changed: true };
      }),
    );
  }

  countForProduct(tenant: TenantId, productId: number): Promise<number> {
    let count = 0;
    for (const record of this.state.recordsOf(tenant)) if (record.productId === productId) count += 1;
    return Promise.resolve(count);
  }

  private insert(tenant: TenantId, values: InventoryValues, now: IsoInstant): InventoryRecord {
    const record: InventoryRecord = { ...values, id: this.state.nextId, version: 1, createdAt: now, lastModifiedAt: now };
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

/** True when some given field differs from the record's value (cost prices compare as exact units). */
function differs(record: InventoryRecord, changes: InventoryChanges): boolean {
  return (Object.keys(changes) as (keyof InventoryChanges)[]).some((field) => changes[field] !== undefined && changes[field] !== record[field]);
}

const SET: MovementNote = { reason: 'set', reference: '' };

function alreadyExists(): InventoryError {
  return new InventoryError('INVENTORY_ALREADY_EXISTS', 'An inventory record with the same identity key already exists');
}
