import type { Knex } from 'knex';

export type DialectName = 'sqlite' | 'postgres';

/**
 * One schema change, written once for both dialects; `dialect` lets it choose the exact column
 * types where they differ (cost price, instants, collations).
 */
export interface SqlMigration {
  /** Recorded in `knex_migrations`; never rename a migration once released. */
  readonly name: string;
  up(knex: Knex, dialect: DialectName): Promise<void>;
  down(knex: Knex, dialect: DialectName): Promise<void>;
}

/**
 * Hands knex the migrations listed in code, so they run the same from `src` under vitest and from
 * `dist`, with no directory scanning. On PostgreSQL each migration's transaction lifts the
 * statement timeout, which guards requests, not a long index build.
 */
export function migrationSource(migrations: readonly SqlMigration[], dialect: DialectName): Knex.MigrationSource<SqlMigration> {
  return {
    getMigrations: () => Promise.resolve([...migrations]),
    getMigrationName: (migration) => migration.name,
    getMigration: (migration) =>
      Promise.resolve({
        up: async (knex: Knex) => {
          await withoutStatementTimeout(knex, dialect);
          await migration.up(knex, dialect);
        },
        down: async (knex: Knex) => {
          await withoutStatementTimeout(knex, dialect);
          await migration.down(knex, dialect);
        },
      }),
  };
}

async function withoutStatementTimeout(knex: Knex, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await knex.raw('SET LOCAL statement_timeout = 0');
}
