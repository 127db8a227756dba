import { instant, text } from './column-types.js';
import type { SqlMigration } from './sql-migration.js';

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
      text(table, dialect, 'tenant', 128).notNullable();
      text(table, dialect, 'idempotency_key', 255).notNullable();
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
