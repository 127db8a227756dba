import { text } from './column-types.js';
import type { SqlMigration } from './sql-migration.js';

/**
 * The ledger of stock movements (docs/ledger.md): one row per quantity change, appended in the
 * transaction of the write. `delta` is a bigint because an absolute write may move a quantity
 * across the whole ±1e9 range. Existing records get one opening `set` movement each (reference
 * `opening balance`), so every record's movements sum to its quantity from the start.
 */
export const ledgerMigration: SqlMigration = {
  name: '005_ledger',
  async up(knex, dialect) {
    await knex.schema.createTable('inventory_movements', (table) => {
      table.bigIncrements('id');
      text(table, dialect, 'tenant', 128).notNullable();
      table.integer('inventory_id').notNullable();
      table.integer('product_id').notNullable();
      text(table, dialect, 'supplier', 35).notNullable();
      text(table, dialect, 'supplier_code', 30).notNullable();
      text(table, dialect, 'location', 35).notNullable();
      table.integer('warehouse_id').notNullable();
      table.integer('company_id').notNullable();
      table.bigInteger('delta').notNullable();
      table.integer('quantity_after').notNullable();
      table.string('reason', 16).notNullable();
      table.string('reference', 255).notNullable().defaultTo('');
      table.string('channel', 8).notNullable();
      table.string('client_id', 128).notNullable().defaultTo('');
      table.specificType('created_at', dialect === 'postgres' ? 'timestamptz(3)' : 'text').notNullable();
      table.index(['tenant', 'id'], 'inventory_movements_tenant');
      table.index(['tenant', 'inventory_id', 'id'], 'inventory_movements_record');
      table.index(['tenant', 'product_id', 'id'], 'inventory_movements_product');
    });
    await knex.raw(
      `INSERT INTO inventory_movements (tenant, inventory_id, product_id, supplier, supplier_code, location, warehouse_id, company_id, delta, quantity_after, reason, reference, channel, client_id, created_at)
       SELECT tenant, id, product_id, supplier, supplier_code, location, warehouse_id, company_id, quantity, quantity, 'set', 'opening balance', 'rest', '', last_modified_at
       FROM inventory WHERE quantity <> 0 ORDER BY id`,
    );
  },
  async down(knex) {
    await knex.schema.dropTable('inventory_movements');
  },
};
