import Database from 'better-sqlite3';
import pg from 'pg';
import { MOVEMENT_COLUMNS } from './raw-upsert.mjs';

const WHERE = `tenant = 'bench' and product_id = $p and supplier = 'INTERN' and supplier_code = '' and location = '' and warehouse_id = $w and company_id = 0`;

/**
 * The raw-driver baseline of adjustments: per row `UPDATE … SET quantity = quantity + ?` (the
 * database computes the quantity, refusing a negative result) returning the new quantity, then
 * the movement insert; no HTTP, no validation, no lookups. SQLite: prepared statements in one
 * transaction.
 */
export function rawSqliteAdjust(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const update = db.prepare(`update inventory set quantity = quantity + ?, version = version + 1, last_modified_at = ? where ${WHERE.replace('$p', '?').replace('$w', '?')} and quantity + ? >= 0 returning id, quantity`);
  const movement = db.prepare(`insert into inventory_movements (${MOVEMENT_COLUMNS}) values ('bench', ?, ?, 'INTERN', '', '', ?, 0, ?, ?, 'receipt', '', 'rest', 'bench', ?)`);
  const write = db.transaction((rows, now) => {
    for (const row of rows) {
      const updated = update.get(row.delta, now, row.productId, row.warehouseId, row.delta);
      if (updated !== undefined) movement.run(updated.id, row.productId, row.warehouseId, row.delta, updated.quantity, now);
    }
  });
  return {
    async adjust(rows) {
      write.immediate(rows, new Date().toISOString());
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL: the same two statements per row, one round trip each, in one transaction. */
export function rawPostgresAdjust(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const update = `update inventory set quantity = quantity + $1, version = version + 1, last_modified_at = $2 where ${WHERE.replace('$p', '$3').replace('$w', '$4')} and quantity + $1 >= 0 returning id, quantity`;
  const movement = `insert into inventory_movements (${MOVEMENT_COLUMNS}) values ('bench', $1, $2, 'INTERN', '', '', $3, 0, $4, $5, 'receipt', '', 'rest', 'bench', $6)`;
  return {
    async adjust(rows) {
      const client = await pool.connect();
      const now = new Date().toISOString();
      try {
        await client.query('begin');
        for (const row of rows) {
          const { rows: [updated] } = await client.query({ name: 'adjust', text: update, values: [row.delta, now, row.productId, row.warehouseId] });
          if (updated !== undefined) await client.query({ name: 'move', text: movement, values: [updated.id, row.productId, row.warehouseId, row.delta, updated.quantity, now] });
        }
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
