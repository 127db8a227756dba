import type { SqlMigration } from './sql-migration.js';

/**
 * Failed token requests counted per source address and per client id, shared by every server
 * process on PostgreSQL (the columns rate-limiter-flexible's PostgreSQL store reads and writes;
 * keys are hashes, never a client id or an address). SQLite counts in memory: nothing to create.
 */
export const authTokenAttemptsMigration: SqlMigration = {
  name: '004_auth_token_attempts',
  async up(knex, dialect) {
    if (dialect !== 'postgres') return;
    await knex.schema.createTable('auth_token_attempts', (table) => {
      table.string('key', 255).primary();
      table.integer('points').notNullable().defaultTo(0);
      table.bigInteger('expire').nullable();
    });
  },
  async down(knex, dialect) {
    if (dialect === 'postgres') await knex.schema.dropTable('auth_token_attempts');
  },
};
