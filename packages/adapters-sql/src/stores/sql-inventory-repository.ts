import type { InventoryChanges, InventoryRecord, InventoryRepository, InventoryUpsert, InventoryValues, IsoInstant, TenantId, UpsertOutcome } from '@inventory/core';
import { InventoryError } from '@inventory/core';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, isStorableId, recordColumns, toInventoryRecord } from '../sql/inventory-row.js';
import type { SqlType } from '../sql/sql-dialect.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import { upsertInventory, type UpsertWriter } from './upsert-writer.js';

/** Each changeable field's column and type; a new field in `InventoryChanges` does not compile until listed. */
const CHANGE_COLUMNS: { readonly [Field in keyof InventoryChanges]-?: readonly [column: string, type: SqlType] } = {
  quantity: ['quantity', 'int'],
  costPrice: ['cost_price', 'cost'],
  nextDeliveryDate: ['next_delivery_date', 'instant'],
  notes: ['notes', 'text'],
  sku: ['sku', 'text'],
  supplierCode: ['supplier_code', 'text'],
  location: ['location', 'text'],
  warehouseId: ['warehouse_id', 'int'],
  companyId: ['company_id', 'int'],
};

/** Inventory records in SQL; every statement is filtered by tenant. */
export class SqlInventoryRepository implements InventoryRepository {
  constructor(
    private readonly executor: SqlExecutor,
    private readonly writer: UpsertWriter,
  ) {}

  async get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined> {
    if (!isStorableId(id)) return undefined;
    const params = new SqlParams(this.executor.dialect);
    const sql = `SELECT ${recordColumns(this.executor.dialect)} FROM inventory WHERE tenant = ${params.text(tenant)} AND id = ${params.int(id)}`;
    const [row] = await this.executor.all(sql, params.values);
    return row === undefined ? undefined : toInventoryRecord(row, this.executor.dialect);
  }

  async create(tenant: TenantId, values: InventoryValues, now: IsoInstant): Promise<InventoryRecord> {
    const params = new SqlParams(this.executor.dialect);
    const row = insertValues(params, tenant, values, now);
    const sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${row} ON CONFLICT (${IDENTITY_COLUMNS}) DO NOTHING RETURNING ${recordColumns(this.executor.dialect)}`;
    const [created] = await this.executor.all(sql, params.values, 'INVENTORY_ALREADY_EXISTS');
    if (created === undefined) throw new InventoryError('INVENTORY_ALREADY_EXISTS', 'An inventory record with the same identity key already exists');
    return toInventoryRecord(created, this.executor.dialect);
  }

  async update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant): Promise<InventoryRecord | undefined> {
    if (!isStorableId(id)) return undefined;
    const params = new SqlParams(this.executor.dialect);
    const assignments: string[] = [];
    for (const field of Object.keys(CHANGE_COLUMNS) as (keyof InventoryChanges)[]) {
      const value = changes[field];
      if (value === undefined) continue;
      const [column, type] = CHANGE_COLUMNS[field];
      assignments.push(`${column} = ${params.bind(type, value)}`);
    }
    assignments.push(`last_modified_at = ${params.instant(now)}`, 'version = version + 1');
    const sql = `UPDATE inventory SET ${assignments.join(', ')} WHERE tenant = ${params.text(tenant)} AND id = ${params.int(id)} RETURNING ${recordColumns(this.executor.dialect)}`;
    const [updated] = await this.executor.all(sql, params.values, 'INVENTORY_ALREADY_EXISTS');
    return updated === undefined ? undefined : toInventoryRecord(updated, this.executor.dialect);
  }

  async delete(tenant: TenantId, id: number): Promise<boolean> {
    if (!isStorableId(id)) return false;
    const params = new SqlParams(this.executor.dialect);
    return (await this.executor.run(`DELETE FROM inventory WHERE tenant = ${params.text(tenant)} AND id = ${params.int(id)}`, params.values)) > 0;
  }

  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<UpsertOutcome[]> {
    return upsertInventory(this.writer, tenant, rows, now);
  }

  async countForProduct(tenant: TenantId, productId: number): Promise<number> {
    if (!isStorableId(productId)) return 0;
    const params = new SqlParams(this.executor.dialect);
    const [row] = await this.executor.all(`SELECT COUNT(*) AS found FROM inventory WHERE tenant = ${params.text(tenant)} AND product_id = ${params.int(productId)}`, params.values);
    return this.executor.dialect.readInteger(row?.['found'] ?? 0);
  }
}

/** One `(…)` row of INSERT_COLUMNS, binding its values in column order. */
export function insertValues(params: SqlParams, tenant: TenantId, values: InventoryValues, now: IsoInstant): string {
  return `(${[
    params.text(tenant),
    params.int(values.productId),
    params.text(values.supplier),
    params.text(values.supplierCode),
    params.text(values.location),
    params.int(values.warehouseId),
    params.int(values.companyId),
    params.int(values.quantity),
    params.text(values.sku),
    params.cost(values.costPrice),
    params.text(values.notes),
    params.instant(values.nextDeliveryDate),
    params.instant(now),
    params.instant(now),
  ].join(', ')})`;
}
