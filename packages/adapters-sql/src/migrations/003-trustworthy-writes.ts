import type { Knex } from 'knex';
import type { DialectName, SqlMigration } from './sql-migration.js';

/** timestamptz(3) on PostgreSQL; canonical ISO text on SQLite, whose text order is time order. */
function instant(table: Knex.CreateTableBuilder, dialect: DialectName, name: string): Knex.ColumnBuilder {
  return table.specificType(name, dialect === 'postgres' ? 'timestamptz(3)' : 'text');
}

/**
 * Idempotency keys (docs/concurrency.md): one row per tenant and key, claimed by the first request
 * (`response_status` null while it runs, until `held_until`), then holding the answer until
 * `held_until` = its expiry. Keys compare exactly (`COLLATE "C"` on PostgreSQL). Record versions
 * need no change: `inventory.version` exists since the first migration.
 */
export const trustworthyWritesMigration: SqlMigration = {
  name: '003_trustworthy_writes',
  async up(knex, dialect) {
    await knex.schema.createTable('idempotency_keys', (table) => {
      table.specificType('tenant', dialect === 'postgres' ? 'varchar(128) COLLATE "C"' : 'varchar(128)').notNullable();
      table.specificType('idempotency_key', dialect === 'postgres' ? 'varchar(255) COLLATE "C"' : 'varchar(255)').notNullable();
      table.string('fingerprint', 64).notNullable();
      table.integer('response_status').nullable();
      table.text('response_body').nullable();
      table.text('response_headers').nullable();
      instant(table, dialect, 'held_until').notNullable();
      instant(table, dialect, 'created_at').notNullable();
      table.primary(['tenant', 'idempotency_key']);
      table.index(['held_until'], 'idempotency_keys_held_until');
    });
  },
  async down(knex) {
    await knex.schema.dropTable('idempotency_keys');
  },
};
