import type { InventoryValues, IsoInstant, TenantId, UpsertField } from '@inventory/core';
import { chunkSizes } from '../sql/chunk-sizes.js';
import { IDENTITY_COLUMNS, INSERT_COLUMNS } from '../sql/inventory-row.js';
import type { SqlRow } from '../sql/sql-executor.js';
import { UPSERT_COLUMNS, type UpsertWriter } from '../stores/upsert-writer.js';
import type { SqliteExecutor } from './sqlite-executor.js';

/** Rows per statement: near the measured optimum of multi-row upserts, far below SQLite's bind limit. */
const CHUNK = 128;
const COLUMNS = INSERT_COLUMNS.split(',').length;
const ROW = `(${Array.from({ length: COLUMNS }, () => '?').join(', ')})`;
const texts = new Map<string, string>();

/** The multi-row upsert of `size` rows overwriting `fields`; at most 8 sizes × 8 field sets exist. */
function upsertSql(size: number, fields: readonly UpsertField[]): string {
  const key = `${size}:${fields.join()}`;
  let sql = texts.get(key);
  if (sql === undefined) {
    const assignments = ['quantity = excluded.quantity', 'last_modified_at = excluded.last_modified_at', 'version = inventory.version + 1', ...fields.map((field) => `${UPSERT_COLUMNS[field]} = excluded.${UPSERT_COLUMNS[field]}`)];
    sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${Array.from({ length: size }, () => ROW).join(', ')} ON CONFLICT (${IDENTITY_COLUMNS}) DO UPDATE SET ${assignments.join(', ')} RETURNING id, version, product_id, supplier, supplier_code, location, warehouse_id, company_id`;
    texts.set(key, sql);
  }
  return sql;
}

/** Bulk upsert on SQLite: prepared multi-row `INSERT … ON CONFLICT DO UPDATE … RETURNING` statements. */
export class SqliteUpsertWriter implements UpsertWriter {
  constructor(private readonly executor: SqliteExecutor) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- async turns the driver's synchronous throw into a rejection
  async upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<SqlRow[]> {
    const returned: SqlRow[] = [];
    let offset = 0;
    for (const size of chunkSizes(rows.length, CHUNK)) {
      const params: unknown[] = [];
      for (const row of rows.slice(offset, offset + size)) {
        params.push(tenant, row.productId, row.supplier, row.supplierCode, row.location, row.warehouseId, row.companyId);
        params.push(row.quantity, row.sku, row.costPrice, row.notes, row.nextDeliveryDate, now, now);
      }
      returned.push(...this.executor.allNow(upsertSql(size, fields), params, 'INVENTORY_ALREADY_EXISTS'));
      offset += size;
    }
    return returned;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- as above
  async assign(tenant: TenantId, targets: readonly { readonly id: number; readonly values: InventoryValues }[], fields: readonly UpsertField[]): Promise<void> {
    const sql = `UPDATE inventory SET ${fields.map((field) => `${UPSERT_COLUMNS[field]} = ?`).join(', ')} WHERE tenant = ? AND id = ?`;
    for (const { id, values } of targets) this.executor.runNow(sql, [...fields.map((field) => values[field]), tenant, id]);
  }
}
