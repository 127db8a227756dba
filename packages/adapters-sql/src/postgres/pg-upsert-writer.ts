import { formatDecimal5, type InventoryValues, type IsoInstant, type TenantId, type UpsertField, type UpsertOutcome } from '@inventory/core';
import { IDENTITY_COLUMNS, INSERT_COLUMNS } from '../sql/inventory-row.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { UPSERT_COLUMNS, type UpsertWriter } from '../stores/upsert-writer.js';
import { returnedOutcomes } from './returned-outcomes.js';

/** Each bulk column, its array type, and how a row gives its value. */
const ARRAYS: readonly (readonly [column: string, type: string, read: (row: InventoryValues) => unknown])[] = [
  ['product_id', 'int', (row) => row.productId],
  ['supplier', 'text', (row) => row.supplier],
  ['supplier_code', 'text', (row) => row.supplierCode],
  ['location', 'text', (row) => row.location],
  ['warehouse_id', 'int', (row) => row.warehouseId],
  ['company_id', 'int', (row) => row.companyId],
  ['quantity', 'int', (row) => row.quantity],
  ['sku', 'text', (row) => row.sku],
  ['cost_price', 'numeric', (row) => formatDecimal5(row.costPrice)],
  ['notes', 'text', (row) => row.notes],
  ['next_delivery_date', 'timestamptz', (row) => row.nextDeliveryDate],
];
const FIELD_TYPES: Readonly<Record<UpsertField, string>> = { costPrice: 'numeric', nextDeliveryDate: 'timestamptz', notes: 'text' };
const texts = new Map<string, string>();

/**
 * The upsert overwriting `fields`: every row in one statement, as parallel arrays unnested in
 * input (key) order, so concurrent batches lock rows in the same order and cannot deadlock.
 */
function upsertSql(fields: readonly UpsertField[]): string {
  const key = fields.join();
  let sql = texts.get(key);
  if (sql === undefined) {
    const columns = ARRAYS.map(([column]) => column);
    const arrays = ARRAYS.map(([, type], index) => `$${index + 3}::${type}[]`);
    const assignments = ['quantity = EXCLUDED.quantity', 'last_modified_at = EXCLUDED.last_modified_at', 'version = inventory.version + 1', ...fields.map((field) => `${UPSERT_COLUMNS[field]} = EXCLUDED.${UPSERT_COLUMNS[field]}`)];
    sql =
      `INSERT INTO inventory (${INSERT_COLUMNS}) SELECT $1::text, ${columns.map((column) => `u.${column}`).join(', ')}, $2::timestamptz, $2::timestamptz ` +
      `FROM unnest(${arrays.join(', ')}) WITH ORDINALITY AS u(${columns.join(', ')}, ord) ORDER BY u.ord ` +
      `ON CONFLICT (${IDENTITY_COLUMNS}) DO UPDATE SET ${assignments.join(', ')} ` +
      'RETURNING id, version, product_id, supplier, supplier_code, location, warehouse_id, company_id';
    texts.set(key, sql);
  }
  return sql;
}

/** Bulk upsert on PostgreSQL: one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE`, near the raw-driver rate. */
export class PgUpsertWriter implements UpsertWriter {
  constructor(private readonly executor: SqlExecutor) {}

  async upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<UpsertOutcome[]> {
    const arrays = ARRAYS.map(() => new Array<unknown>(rows.length));
    rows.forEach((row, index) => {
      ARRAYS.forEach(([, , read], column) => {
        (arrays[column] as unknown[])[index] = read(row);
      });
    });
    return returnedOutcomes(rows, await this.executor.all(upsertSql(fields), [tenant, now, ...arrays], 'INVENTORY_ALREADY_EXISTS'));
  }

  async assign(tenant: TenantId, targets: readonly { readonly id: number; readonly values: InventoryValues }[], fields: readonly UpsertField[]): Promise<void> {
    const columns = fields.map((field) => UPSERT_COLUMNS[field]);
    const arrays = fields.map((field, index) => `$${index + 3}::${FIELD_TYPES[field]}[]`);
    const sql = `UPDATE inventory SET ${columns.map((column) => `${column} = u.${column}`).join(', ')} FROM unnest($2::int[], ${arrays.join(', ')}) AS u(id, ${columns.join(', ')}) WHERE inventory.tenant = $1 AND inventory.id = u.id`;
    const values = fields.map((field) => targets.map(({ values: row }) => (field === 'costPrice' ? formatDecimal5(row.costPrice) : row[field])));
    await this.executor.run(sql, [tenant, targets.map((target) => target.id), ...values]);
  }
}
