import type { InventoryChanges, InventoryRecord, InventoryRepository, InventoryUpsert, InventoryValues, IsoInstant, RecordWrite, TenantId, UpsertConflict, UpsertOutcome } from '@inventory/core';
import { InventoryError } from '@inventory/core';
import { CHANGE_COLUMNS } from '../sql/inventory-columns.js';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, insertValues, isStorableId, recordColumns, toInventoryRecord } from '../sql/inventory-row.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import { upsertInventory, type UpsertWriter } from './upsert-writer.js';

/** Inventory records in SQL; every statement is filtered by tenant. */
export class SqlInventoryRepository implements InventoryRepository {
  constructor(
    private readonly executor: SqlExecutor,
    private readonly writer: UpsertWriter,
  ) {}

  async get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined> {
    return this.read(tenant, id, '');
  }

  async create(tenant: TenantId, values: InventoryValues, now: IsoInstant): Promise<InventoryRecord> {
    const params = new SqlParams(this.executor.dialect);
    const row = insertValues(params, tenant, values, now);
    const sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${row} ON CONFLICT (${IDENTITY_COLUMNS}) DO NOTHING RETURNING ${recordColumns(this.executor.dialect)}`;
    const [created] = await this.executor.all(sql, params.values, 'INVENTORY_ALREADY_EXISTS');
    if (created === undefined) throw new InventoryError('INVENTORY_ALREADY_EXISTS', 'An inventory record with the same identity key already exists');
    return toInventoryRecord(created, this.executor.dialect);
  }

  /**
   * One conditional UPDATE: it writes only at an accepted version and only when a field differs.
   * When it writes nothing, the row is read under lock to tell missing, mismatch and no-op apart;
   * a writer that slipped in between is caught by running the update once more under that lock.
   */
  async update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant, versions?: readonly number[]): Promise<RecordWrite> {
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

  async delete(tenant: TenantId, id: number, versions?: readonly number[]): Promise<RecordWrite> {
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

  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<(UpsertOutcome | UpsertConflict)[]> {
    return upsertInventory(this.writer, this.executor, tenant, rows, now);
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
