import type { InventoryValues, IsoInstant, TenantId, UpsertField, UpsertOutcome } from '@inventory/core';
import { KEY_COLUMNS, UPSERT_COLUMNS, VALUE_COLUMNS, columnOf } from '../sql/inventory-columns.js';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, INSERT_COLUMN_COUNT } from '../sql/inventory-row.js';
import type { AssignTarget, UpsertWriter } from '../stores/upsert-writer.js';
import type { SqliteExecutor } from './sqlite-executor.js';

const PLACEHOLDERS = Array.from({ length: INSERT_COLUMN_COUNT }, () => '?').join(', ');
const VALUE_FIELDS = VALUE_COLUMNS.map(({ field }) => field);
const KEY_LOOKUP = `SELECT id FROM inventory WHERE ${['tenant', ...KEY_COLUMNS.map(({ column }) => column)].map((column) => `${column} = ?`).join(' AND ')}`;
const texts = new Map<string, string>();

/**
 * The one-row upsert overwriting `fields` where one of them (or quantity) differs. It returns the
 * id, negated when the row already existed (`version` is 1 only on insert), so each run yields a
 * single number and no result object; an unchanged row returns nothing at all.
 */
function upsertSql(fields: readonly UpsertField[]): string {
  const key = fields.join();
  let sql = texts.get(key);
  if (sql === undefined) {
    const columns = ['quantity', ...fields.map(columnOf)];
    const assignments = [...columns.map((column) => `${column} = excluded.${column}`), 'last_modified_at = excluded.last_modified_at', 'version = inventory.version + 1'];
    const differs = columns.map((column) => `inventory.${column} IS NOT excluded.${column}`).join(' OR ');
    sql = `INSERT INTO inventory (${INSERT_COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT (${IDENTITY_COLUMNS}) DO UPDATE SET ${assignments.join(', ')} WHERE ${differs} RETURNING CASE WHEN version = 1 THEN id ELSE -id END`;
    texts.set(key, sql);
  }
  return sql;
}

/** Binds tenant and a row's values into `params` in INSERT_COLUMNS order, both timestamps `now`. */
function bindRow(params: unknown[], tenant: TenantId, row: InventoryValues, now: IsoInstant): void {
  params[0] = tenant;
  for (let column = 0; column < VALUE_FIELDS.length; column += 1) params[column + 1] = row[VALUE_FIELDS[column] as keyof InventoryValues];
  params[VALUE_FIELDS.length + 1] = now;
  params[VALUE_FIELDS.length + 2] = now;
}

/**
 * Bulk upsert on SQLite: one prepared single-row `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`
 * per row, all inside the caller's transaction. better-sqlite3 runs them in-process (no round
 * trips), as fast as multi-row statements here once their result rows had to be matched back to
 * input rows by key; one row per run makes each outcome belong to its input row by construction.
 * Rows left unchanged are looked up by key afterwards, which costs less than the write they skip.
 */
export class SqliteUpsertWriter implements UpsertWriter {
  constructor(private readonly executor: SqliteExecutor) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- async turns the driver's synchronous throw into a rejection
  async upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<UpsertOutcome[]> {
    const signed = this.executor.pluckEachNow(upsertSql(fields), rows.length, (index, params) => bindRow(params, tenant, rows[index] as InventoryValues, now), 'INVENTORY_ALREADY_EXISTS');
    const outcomes = new Array<UpsertOutcome>(rows.length);
    const unchanged: number[] = [];
    signed.forEach((id, index) => {
      if (id === undefined) unchanged.push(index);
      else if (typeof id === 'number') outcomes[index] = id > 0 ? { id, created: true, changed: true } : { id: -id, created: false, changed: true };
      else throw new Error('bulk upsert returned no id for a row');
    });
    const found = this.executor.pluckEachNow(KEY_LOOKUP, unchanged.length, (index, params) => {
      const row = rows[unchanged[index] as number] as InventoryValues;
      params[0] = tenant;
      KEY_COLUMNS.forEach(({ field }, position) => (params[position + 1] = row[field]));
    });
    unchanged.forEach((rowIndex, position) => {
      const id = found[position];
      if (typeof id !== 'number') throw new Error('an unchanged row of a bulk upsert was not found by its key');
      outcomes[rowIndex] = { id, created: false, changed: false };
    });
    return outcomes;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- as above
  async assign(tenant: TenantId, targets: readonly AssignTarget[], fields: readonly UpsertField[], now: IsoInstant): Promise<ReadonlySet<number>> {
    const columns = UPSERT_COLUMNS.filter(({ field }) => fields.includes(field));
    const sql =
      `UPDATE inventory SET ${columns.map(({ column }) => `${column} = ?`).join(', ')}, version = version + ?, last_modified_at = ? ` +
      `WHERE tenant = ? AND id = ? AND (${columns.map(({ column }) => `${column} IS NOT ?`).join(' OR ')})`;
    const changed = new Set<number>();
    for (const { id, values, bumped } of targets) {
      const given = columns.map(({ field }) => values[field]);
      if (this.executor.runNow(sql, [...given, bumped ? 0 : 1, now, tenant, id, ...given]) > 0) changed.add(id);
    }
    return changed;
  }
}
