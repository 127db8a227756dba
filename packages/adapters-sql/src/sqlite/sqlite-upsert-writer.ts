import type { InventoryValues, IsoInstant, TenantId, UpsertField, UpsertOutcome } from '@inventory/core';
import { IDENTITY_COLUMNS, INSERT_COLUMNS } from '../sql/inventory-row.js';
import { UPSERT_COLUMNS, type UpsertWriter } from '../stores/upsert-writer.js';
import type { SqliteExecutor } from './sqlite-executor.js';

const PLACEHOLDERS = INSERT_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');
const texts = new Map<string, string>();

/**
 * The one-row upsert overwriting `fields`. It returns the id, negated when the row already existed
 * (`version` is 1 only on insert), so each run yields a single number and no result object.
 */
function upsertSql(fields: readonly UpsertField[]): string {
  const key = fields.join();
  let sql = texts.get(key);
  if (sql === undefined) {
    const assignments = ['quantity = excluded.quantity', 'last_modified_at = excluded.last_modified_at', 'version = inventory.version + 1', ...fields.map((field) => `${UPSERT_COLUMNS[field]} = excluded.${UPSERT_COLUMNS[field]}`)];
    sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (${IDENTITY_COLUMNS}) DO UPDATE SET ${assignments.join(', ')} RETURNING CASE WHEN version = 1 THEN id ELSE -id END`;
    texts.set(key, sql);
  }
  return sql;
}

/**
 * Bulk upsert on SQLite: one prepared single-row `INSERT … ON CONFLICT DO UPDATE … RETURNING` per
 * row, all inside the caller's transaction. better-sqlite3 runs them in-process (no round trips),
 * as fast as multi-row statements here once their result rows had to be matched back to input
 * rows by key; one row per run makes each outcome belong to its input row by construction.
 */
export class SqliteUpsertWriter implements UpsertWriter {
  constructor(private readonly executor: SqliteExecutor) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- async turns the driver's synchronous throw into a rejection
  async upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<UpsertOutcome[]> {
    const signed = this.executor.pluckEachNow(
      upsertSql(fields),
      rows.length,
      (index, params) => {
        const row = rows[index] as InventoryValues;
        params[0] = tenant;
        params[1] = row.productId;
        params[2] = row.supplier;
        params[3] = row.supplierCode;
        params[4] = row.location;
        params[5] = row.warehouseId;
        params[6] = row.companyId;
        params[7] = row.quantity;
        params[8] = row.sku;
        params[9] = row.costPrice;
        params[10] = row.notes;
        params[11] = row.nextDeliveryDate;
        params[12] = now;
        params[13] = now;
      },
      'INVENTORY_ALREADY_EXISTS',
    );
    return signed.map((id) => {
      if (typeof id !== 'number') throw new Error('bulk upsert returned no id for a row');
      return id > 0 ? { id, created: true } : { id: -id, created: false };
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- as above
  async assign(tenant: TenantId, targets: readonly { readonly id: number; readonly values: InventoryValues }[], fields: readonly UpsertField[]): Promise<void> {
    const sql = `UPDATE inventory SET ${fields.map((field) => `${UPSERT_COLUMNS[field]} = ?`).join(', ')} WHERE tenant = ? AND id = ?`;
    for (const { id, values } of targets) this.executor.runNow(sql, [...fields.map((field) => values[field]), tenant, id]);
  }
}
