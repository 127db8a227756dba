import type { Knex } from 'knex';
import type { DialectName, SqlMigration } from './sql-migration.js';

function instant(table: Knex.CreateTableBuilder, dialect: DialectName, name: string): Knex.ColumnBuilder {
  return table.specificType(name, dialect === 'postgres' ? 'timestamptz(3)' : 'text');
}

function text(table: Knex.CreateTableBuilder, dialect: DialectName, name: string, length: number): Knex.ColumnBuilder {
  return dialect === 'postgres' ? table.specificType(name, `varchar(${length}) COLLATE "C"`) : table.string(name, length);
}

/**
 * Holds and their lines (docs/holds.md). A line carries `active_until` — its hold's expiry while
 * the hold is active, NULL once committed, released or marked expired — so that the held quantity
 * of a scope is one indexed range sum over `hold_lines` (`active_until > now`), with no join, in
 * the same statement as the stock totals. On PostgreSQL `place_hold` places a hold in one round
 * trip: it takes per-product advisory locks in ascending product order, marks the products'
 * lapsed holds expired, checks every line against availability and inserts, all inside the
 * server, so the locks are held for no client round trip.
 */
export const holdsMigration: SqlMigration = {
  name: '006_holds',
  async up(knex, dialect) {
    await knex.schema.createTable('holds', (table) => {
      table.increments('id');
      text(table, dialect, 'tenant', 128).notNullable();
      text(table, dialect, 'reference', 255).notNullable();
      table.string('status', 16).notNullable();
      instant(table, dialect, 'expires_at').notNullable();
      instant(table, dialect, 'created_at').notNullable();
      table.index(['tenant', 'reference', 'id'], 'holds_tenant_reference');
      table.index(['status', 'expires_at'], 'holds_status_expires_at');
    });
    await knex.schema.createTable('hold_lines', (table) => {
      table.integer('hold_id').notNullable().references('id').inTable('holds').onDelete('CASCADE');
      table.integer('line_no').notNullable();
      text(table, dialect, 'tenant', 128).notNullable();
      table.integer('product_id').notNullable();
      table.integer('warehouse_id').nullable();
      table.integer('quantity').notNullable();
      instant(table, dialect, 'active_until').nullable();
      table.primary(['hold_id', 'line_no']);
      table.index(['tenant', 'product_id', 'active_until'], 'hold_lines_active');
    });
    if (dialect === 'postgres') await knex.raw(PLACE_HOLD);
  },
  async down(knex, dialect) {
    if (dialect === 'postgres') await knex.raw('DROP FUNCTION IF EXISTS place_hold(text, text, timestamptz, timestamptz, int[], int[], int[])');
    await knex.schema.dropTable('hold_lines');
    await knex.schema.dropTable('holds');
  },
};

/**
 * The same rule as core's `shortLines`: lines of one hold add up per scope (the product, and the
 * warehouse of a line that names one); a short line reports the tighter availability. Each
 * statement of a volatile plpgsql function takes a fresh snapshot under READ COMMITTED, so the
 * check after the locks sees every hold committed before them.
 */
const PLACE_HOLD = `
CREATE OR REPLACE FUNCTION place_hold(p_tenant text, p_reference text, p_now timestamptz, p_expires timestamptz, p_products int[], p_warehouses int[], p_quantities int[])
RETURNS TABLE (out_hold int, out_line int, out_requested int, out_available bigint)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_product int;
  v_hold int;
BEGIN
  FOR v_product IN SELECT DISTINCT p FROM unnest(p_products) AS p ORDER BY p LOOP
    PERFORM pg_advisory_xact_lock(hashtext(p_tenant), v_product);
  END LOOP;

  WITH lapsed AS (
    UPDATE hold_lines SET active_until = NULL
    WHERE tenant = p_tenant AND product_id = ANY(p_products) AND active_until <= p_now
    RETURNING hold_id
  )
  UPDATE holds SET status = 'expired' WHERE id IN (SELECT hold_id FROM lapsed) AND status = 'active';

  RETURN QUERY
  WITH req AS (
    SELECT (r.ord - 1)::int AS line, r.pr AS product_id, r.wh AS warehouse_id, r.q AS quantity
    FROM unnest(p_products, p_warehouses, p_quantities) WITH ORDINALITY AS r(pr, wh, q, ord)
  ),
  figures AS (
    SELECT req.*,
      (SELECT COALESCE(SUM(i.quantity), 0) FROM inventory i WHERE i.tenant = p_tenant AND i.product_id = req.product_id AND i.company_id = 0)
        - (SELECT COALESCE(SUM(h.quantity), 0) FROM hold_lines h WHERE h.tenant = p_tenant AND h.product_id = req.product_id AND h.active_until > p_now) AS product_available,
      CASE WHEN req.warehouse_id IS NULL THEN NULL ELSE
        (SELECT COALESCE(SUM(i.quantity), 0) FROM inventory i WHERE i.tenant = p_tenant AND i.product_id = req.product_id AND i.company_id = 0 AND i.warehouse_id = req.warehouse_id)
        - (SELECT COALESCE(SUM(h.quantity), 0) FROM hold_lines h WHERE h.tenant = p_tenant AND h.product_id = req.product_id AND h.warehouse_id = req.warehouse_id AND h.active_until > p_now)
      END AS warehouse_available,
      (SELECT SUM(o.quantity) FROM req o WHERE o.product_id = req.product_id) AS product_asked,
      (SELECT SUM(o.quantity) FROM req o WHERE o.product_id = req.product_id AND o.warehouse_id = req.warehouse_id) AS warehouse_asked
    FROM req
  )
  SELECT NULL::int, f.line, f.quantity, GREATEST(0, LEAST(f.product_available, COALESCE(f.warehouse_available, f.product_available)))::bigint
  FROM figures f
  WHERE f.product_asked > f.product_available OR (f.warehouse_id IS NOT NULL AND f.warehouse_asked > f.warehouse_available)
  ORDER BY f.line;
  IF FOUND THEN
    RETURN;
  END IF;

  INSERT INTO holds (tenant, reference, status, expires_at, created_at) VALUES (p_tenant, p_reference, 'active', p_expires, p_now) RETURNING id INTO v_hold;
  INSERT INTO hold_lines (hold_id, line_no, tenant, product_id, warehouse_id, quantity, active_until)
  SELECT v_hold, (r.ord - 1)::int, p_tenant, r.pr, r.wh, r.q, p_expires
  FROM unnest(p_products, p_warehouses, p_quantities) WITH ORDINALITY AS r(pr, wh, q, ord);
  RETURN QUERY SELECT v_hold, NULL::int, NULL::int, NULL::bigint;
END
$fn$;
`;
