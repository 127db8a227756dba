import type { AdjustmentOutcome, AdjustmentRow, InventoryChanges, InventoryRecord, InventoryRepository, InventoryUpsert, InventoryValues, IsoInstant, RecordWrite, TenantId, UpsertConflict, UpsertOutcome, WriteOrigin } from '@inventory/core';
import { EMBEDDED_ORIGIN, InventoryError } from '@inventory/core';
import { adjustInventory } from './adjust-writer.js';
import { recordDeletion, recordMovements } from './movement-recorder.js';
import { CHANGE_COLUMNS } from '../sql/inventory-columns.js';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, insertValues, isStorableId, recordColumns, toInventoryRecord } from '../sql/inventory-row.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import { upsertInventory, type UpsertWriter } from './upsert-writer.js';

const SET = { reason: 'set', reference: '' } as const;

/** Inventory records in SQL; every statement is filtered by tenant; quantity changes append their movements (docs/ledger.md). */
export class SqlInventoryRepository implements InventoryRepository {
  constructor(
    private readonly executor: SqlExecutor,
    private readonly writer: UpsertWriter,
  ) {}

  async get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined> {
    return this.read(tenant, id, '');
  }

  async create(tenant: TenantId, values: InventoryValues, now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<InventoryRecord> {
    const params = new SqlParams(this.executor.dialect);
    const row = insertValues(params, tenant, values, now);
    const sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${row} ON CONFLICT (${IDENTITY_COLUMNS}) DO NOTHING RETURNING ${recordColumns(this.executor.dialect)}`;
    const [created] = await this.executor.all(sql, params.values, 'INVENTORY_ALREADY_EXISTS');
    if (created === undefined) throw new InventoryError('INVENTORY_ALREADY_EXISTS', 'An inventory record with the same identity key already exists');
    const record = toInventoryRecord(created, this.executor.dialect);
    await recordMovements(this.executor, tenant, [{ id: record.id, ...SET }], origin, now);
    return record;
  }

  /**
   * One conditional UPDATE: it writes only at an accepted version and only when a field differs.
   * When it writes nothing, the row is read under lock to tell missing, mismatch and no-op apart;
   * a writer that slipped in between is caught by running the update once more under that lock.
   */
  async update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant, versions?: readonly number[], origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<RecordWrite> {
    const write = await this.updateRow(tenant, id, changes, now, versions);
    if (write.status === 'written' && write.changed && changes.quantity !== undefined) await recordMovements(this.executor, tenant, [{ id, ...SET }], origin, now);
    return write;
  }

  private async updateRow(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant, versions?: readonly number[]): Promise<RecordWrite> {
    if (!isStorableId(id)) return { status: 'missing' };
    const given = CHANGE_COLUMNS.filter(({ field }) => changes[field] !== undefined);
    const attempt = async (): Promise<InventoryRecord | undefined> => {
      // Bound in text order, so positional placeholders line up.
      const params = new SqlParams(this.executor.dialect);
      const assignments = given.map(({ field, column, type }) => `${column} = ${params.bind(type, changes[field] ?? null)}`);
      assignments.push(`last_modified_at = ${params.instant(now)}`, 'version = version + 1');
      const where = `tenant = ${params.text(tenant)} AND id = ${params.int(id)}${versions === undefined ? '' : ` AND ${params.inList('version', versions, 'int')}`}`;
      const differences = given.map(({ field, column, type }) => this.executor.dialect.isDistinct(column, params.bind(type, changes[field] ?? null)));
      const sql = `UPDATE inventory SET ${assignments.join(', ')} WHERE ${where} AND (${differences.join(' OR ')}) RETURNING ${recordColumns(this.executor.dialect)}`;
      const [updated] = await this.executor.all(sql, params.values, 'INVENTORY_ALREADY_EXISTS');
      return updated === undefined ? undefined : toInventoryRecord(updated, this.executor.dialect);
    };
    const updated = await attempt();
    if (updated !== undefined) return { status: 'written', record: updated, changed: true };
    const current = await this.read(tenant, id, this.executor.dialect.lockRows);
    if (current === undefined) return { status: 'missing' };
    if (versions !== undefined && !versions.includes(current.version)) return { status: 'version-mismatch', version: current.version };
    const late = await attempt();
    return late === undefined ? { status: 'written', record: current, changed: false } : { status: 'written', record: late, changed: true };
  }

  async delete(tenant: TenantId, id: number, versions?: readonly number[], now?: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<RecordWrite> {
    const write = await this.deleteRow(tenant, id, versions);
    if (write.status === 'written') await recordDeletion(this.executor, tenant, write.record, origin, now ?? write.record.lastModifiedAt);
    return write;
  }

  private async deleteRow(tenant: TenantId, id: number, versions?: readonly number[]): Promise<RecordWrite> {
    if (!isStorableId(id)) return { status: 'missing' };
    const attempt = async (): Promise<InventoryRecord | undefined> => {
      const params = new SqlParams(this.executor.dialect);
      const where = `tenant = ${params.text(tenant)} AND id = ${params.int(id)}${versions === undefined ? '' : ` AND ${params.inList('version', versions, 'int')}`}`;
      const [deleted] = await this.executor.all(`DELETE FROM inventory WHERE ${where} RETURNING ${recordColumns(this.executor.dialect)}`, params.values);
      return deleted === undefined ? undefined : toInventoryRecord(deleted, this.executor.dialect);
    };
    const deleted = await attempt();
    if (deleted !== undefined) return { status: 'written', record: deleted, changed: true };
    if (versions === undefined) return { status: 'missing' };
    const current = await this.read(tenant, id, this.executor.dialect.lockRows);
    if (current === undefined) return { status: 'missing' };
    if (!versions.includes(current.version)) return { status: 'version-mismatch', version: current.version };
    const late = await attempt();
    return late === undefined ? { status: 'missing' } : { status: 'written', record: late, changed: true };
  }

  async upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<(UpsertOutcome | UpsertConflict)[]> {
    const outcomes = await upsertInventory(this.writer, this.executor, tenant, rows, now);
    const moved = outcomes.flatMap((outcome) => ('id' in outcome && outcome.changed ? [{ id: outcome.id, ...SET }] : []));
    await recordMovements(this.executor, tenant, moved, origin, now);
    return outcomes;
  }

  adjustMany(tenant: TenantId, rows: readonly AdjustmentRow[], now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<AdjustmentOutcome[]> {
    return adjustInventory(this.executor, tenant, rows, now, origin);
  }

  async countForProduct(tenant: TenantId, productId: number): Promise<number> {
    if (!isStorableId(productId)) return 0;
    const params = new SqlParams(this.executor.dialect);
    const [row] = await this.executor.all(`SELECT COUNT(*) AS found FROM inventory WHERE tenant = ${params.text(tenant)} AND product_id = ${params.int(productId)}`, params.values);
    return this.executor.dialect.readInteger(row?.['found'] ?? 0);
  }

  private async read(tenant: TenantId, id: number, lock: string): Promise<InventoryRecord | undefined> {
    if (!isStorableId(id)) return undefined;
    const params = new SqlParams(this.executor.dialect);
    const sql = `SELECT ${recordColumns(this.executor.dialect)} FROM inventory WHERE tenant = ${params.text(tenant)} AND id = ${params.int(id)}${lock}`;
    const [row] = await this.executor.all(sql, params.values);
    return row === undefined ? undefined : toInventoryRecord(row, this.executor.dialect);
  }
}
