import Database from 'better-sqlite3';
import pg from 'pg';

const KEY = 'tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id';
const COLUMNS = `${KEY}, quantity, sku, cost_price, notes, created_at, last_modified_at`;
const UPDATE = 'quantity = excluded.quantity, last_modified_at = excluded.last_modified_at, version = inventory.version + 1';

/**
 * The raw-driver baseline of a bulk upsert: the same rows the service writes (each with its
 * product's sku, which the service copies onto new records and the sku index orders), with no
 * HTTP, no validation and no lookups. SQLite: one prepared statement run per row in one
 * transaction.
 */
export function rawSqliteUpsert(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const statement = db.prepare(`insert into inventory (${COLUMNS}) values (?, ?, 'INTERN', '', '', ?, 0, ?, ?, 0, '', ?, ?) on conflict (${KEY}) do update set ${UPDATE}`);
  const write = db.transaction((rows, now) => {
    for (const row of rows) statement.run('bench', row.productId, row.warehouseId, row.quantity, row.sku, now, now);
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

/** PostgreSQL baseline: one `insert … select from unnest(…) on conflict do update` per batch, in a transaction. */
export function rawPostgresUpsert(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const sql = `insert into inventory (${COLUMNS})
    select 'bench', p, 'INTERN', '', '', w, 0, q, s, 0, '', $5::timestamptz, $5::timestamptz
    from unnest($1::int[], $2::int[], $3::int[], $4::text[]) as t(p, w, q, s)
    on conflict (${KEY}) do update set ${UPDATE}`;
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
