import Database from 'better-sqlite3';
import pg from 'pg';

const KEY = 'tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id';
const COLUMNS = `${KEY}, quantity, sku, cost_price, notes, created_at, last_modified_at`;
const UPDATE = 'quantity = excluded.quantity, last_modified_at = excluded.last_modified_at, version = inventory.version + 1';
/** The ledger's columns (docs/ledger.md): the raw baseline appends one movement per row whose quantity changed, as the service does. */
export const MOVEMENT_COLUMNS = 'tenant, inventory_id, product_id, supplier, supplier_code, location, warehouse_id, company_id, delta, quantity_after, reason, reference, channel, client_id, created_at';

/**
 * The raw-driver baseline of a bulk upsert: the same rows the service writes (each with its
 * product's sku, which the service copies onto new records and the sku index orders), with no
 * HTTP, no validation and no lookups, and one ledger movement per row whose quantity changed
 * (the fair comparison: the service writes them too). SQLite: per row, prepared statements that
 * read the old quantity, upsert, and append the movement, in one transaction.
 */
export function rawSqliteUpsert(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const previous = db.prepare(`select quantity from inventory where tenant = 'bench' and product_id = ? and supplier = 'INTERN' and supplier_code = '' and location = '' and warehouse_id = ? and company_id = 0`).pluck();
  const statement = db.prepare(`insert into inventory (${COLUMNS}) values (?, ?, 'INTERN', '', '', ?, 0, ?, ?, 0, '', ?, ?) on conflict (${KEY}) do update set ${UPDATE} returning id`).pluck();
  const movement = db.prepare(`insert into inventory_movements (${MOVEMENT_COLUMNS}) values ('bench', ?, ?, 'INTERN', '', '', ?, 0, ?, ?, 'set', '', 'rest', 'bench', ?)`);
  const write = db.transaction((rows, now) => {
    for (const row of rows) {
      const before = previous.get(row.productId, row.warehouseId) ?? 0;
      const id = statement.get('bench', row.productId, row.warehouseId, row.quantity, row.sku, now, now);
      if (row.quantity !== before) movement.run(id, row.productId, row.warehouseId, row.quantity - before, row.quantity, now);
    }
  });
  return {
    async upsert(rows) {
      write.immediate(rows, new Date().toISOString());
    },
    async close() {
      db.close();
    },
  };
}

/**
 * PostgreSQL baseline: one statement per batch, in a transaction: `insert … select from unnest(…)
 * on conflict do update`, with the old quantities read in the same snapshot and one movement
 * appended per row whose quantity changed.
 */
export function rawPostgresUpsert(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const sql = `with input as (select * from unnest($1::int[], $2::int[], $3::int[], $4::text[]) as t(p, w, q, s)),
    old as (select i.id, i.quantity from inventory i join input on i.tenant = 'bench' and i.product_id = input.p and i.supplier = 'INTERN' and i.supplier_code = '' and i.location = '' and i.warehouse_id = input.w and i.company_id = 0),
    up as (insert into inventory (${COLUMNS})
      select 'bench', p, 'INTERN', '', '', w, 0, q, s, 0, '', $5::timestamptz, $5::timestamptz from input
      on conflict (${KEY}) do update set ${UPDATE}
      returning id, product_id, warehouse_id, quantity)
    insert into inventory_movements (${MOVEMENT_COLUMNS})
    select 'bench', up.id, up.product_id, 'INTERN', '', '', up.warehouse_id, 0, up.quantity - coalesce(old.quantity, 0), up.quantity, 'set', '', 'rest', 'bench', $5::timestamptz
    from up left join old on old.id = up.id where up.quantity <> coalesce(old.quantity, 0) order by up.id`;
  return {
    async upsert(rows) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(sql, [rows.map((row) => row.productId), rows.map((row) => row.warehouseId), rows.map((row) => row.quantity), rows.map((row) => row.sku), new Date().toISOString()]);
        await client.query('commit');
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
