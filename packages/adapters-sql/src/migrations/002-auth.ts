import { instant } from './column-types.js';
import type { SqlMigration } from './sql-migration.js';

/**
 * The built-in OAuth2 issuer's state, shared by every server process over one database.
 * `auth_signing_keys.generation` is unique so that two processes creating the next key at once
 * cannot both succeed; private keys are stored as plaintext JWK (protect the database and its
 * backups accordingly). `auth_clients` keeps only a salted scrypt hash of each client secret.
 */
export const authMigration: SqlMigration = {
  name: '002_auth',
  async up(knex, dialect) {
    await knex.schema.createTable('auth_signing_keys', (table) => {
      table.string('kid', 128).primary();
      table.integer('generation').notNullable().unique({ indexName: 'auth_signing_keys_generation' });
      table.string('alg', 16).notNullable();
      table.text('public_jwk').notNullable();
      table.text('private_jwk').notNullable();
      instant(table, dialect, 'created_at').notNullable();
      instant(table, dialect, 'expires_at').nullable();
    });
    await knex.schema.createTable('auth_clients', (table) => {
      table.string('client_id', 128).primary();
      table.string('secret_hash', 255).notNullable();
      table.string('tenant', 128).notNullable();
      table.string('scopes', 255).notNullable();
      instant(table, dialect, 'created_at').notNullable();
      instant(table, dialect, 'revoked_at').nullable();
    });
  },
  async down(knex) {
    await knex.schema.dropTable('auth_clients');
    await knex.schema.dropTable('auth_signing_keys');
  },
};
