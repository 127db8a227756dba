import { text, costPrice, instant } from './column-types.js';
import type { SqlMigration } from './sql-migration.js';

const IDENTITY_KEY = ['tenant', 'product_id', 'supplier', 'supplier_code', 'location', 'warehouse_id', 'company_id'];

/**
 * Inventory records, product references and their sources. Every key column is NOT NULL with a
 * '' / 0 default, since NULLs are distinct in a unique index and would defeat `ON CONFLICT`.
 * `version` starts at 1 and grows on every write, which tells an insert from an update in
 * `RETURNING`. The identity key's index also serves the per-product aggregate.
 */
export const inventoryMigration: SqlMigration = {
  name: '001_inventory',
  async up(knex, dialect) {
    await knex.schema.createTable('inventory', (table) => {
      table.increments('id');
      text(table, dialect, 'tenant', 128).notNullable();
      table.integer('product_id').notNullable();
      text(table, dialect, 'supplier', 35).notNullable().defaultTo('');
      text(table, dialect, 'supplier_code', 30).notNullable().defaultTo('');
      text(table, dialect, 'location', 35).notNullable().defaultTo('');
      table.integer('warehouse_id').notNullable().defaultTo(0);
      table.integer('company_id').notNullable().defaultTo(0);
      table.integer('quantity').notNullable();
      text(table, dialect, 'sku', 30).notNullable().defaultTo('');
      costPrice(table, dialect);
      table.string('notes', 255).notNullable().defaultTo('');
      instant(table, dialect, 'next_delivery_date').nullable();
      instant(table, dialect, 'created_at').notNullable();
      instant(table, dialect, 'last_modified_at').notNullable();
      table.integer('version').notNullable().defaultTo(1);
      table.unique(IDENTITY_KEY, { indexName: 'inventory_identity_key' });
      table.index(['tenant', 'sku', 'product_id'], 'inventory_tenant_sku');
      table.index(['tenant', 'warehouse_id', 'product_id'], 'inventory_tenant_warehouse');
    });
    await knex.schema.createTable('products', (table) => {
      text(table, dialect, 'tenant', 128).notNullable();
      table.integer('id').notNullable();
      text(table, dialect, 'sku', 30).notNullable().defaultTo('');
      text(table, dialect, 'supplier', 35).notNullable().defaultTo('');
      text(table, dialect, 'supplier_code', 30).notNullable().defaultTo('');
      costPrice(table, dialect);
      table.integer('version').notNullable().defaultTo(1);
      table.primary(['tenant', 'id']);
      table.index(['tenant', 'sku'], 'products_tenant_sku');
      table.index(['tenant', 'supplier_code', 'supplier'], 'products_tenant_supplier_code');
    });
    await knex.schema.createTable('product_sources', (table) => {
      text(table, dialect, 'tenant', 128).notNullable();
      text(table, dialect, 'source', 64).notNullable();
      text(table, dialect, 'source_id', 64).notNullable();
      table.integer('product_id').notNullable();
      table.primary(['tenant', 'source', 'source_id']);
      table.index(['tenant', 'product_id'], 'product_sources_tenant_product');
      table.foreign(['tenant', 'product_id']).references(['tenant', 'id']).inTable('products').onDelete('CASCADE');
    });
  },
  async down(knex) {
    await knex.schema.dropTable('product_sources');
    await knex.schema.dropTable('products');
    await knex.schema.dropTable('inventory');
  },
};
