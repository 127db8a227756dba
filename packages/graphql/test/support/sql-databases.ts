import { createSqlPersistence, type SqlPersistence } from '@inventory/adapters-sql';
import { createPgTestPersistence, describePg } from '@inventory/adapters-sql/testing';
import { describe } from 'vitest';

/** One database the SQL-backed suites run on; `open` gives a migrated, empty store of its own. */
export interface SqlDatabase {
  readonly name: string;
  open(): Promise<{ readonly persistence: SqlPersistence; cleanup(): Promise<void> }>;
}

const sqlite: SqlDatabase = {
  name: 'SQLite',
  async open() {
    const persistence = await createSqlPersistence({ url: 'sqlite::memory:' });
    await persistence.migrate();
    return { persistence, cleanup: () => persistence.close() };
  },
};

/** PostgreSQL in a schema of its own, dropped afterwards, so parallel suites never meet. */
const postgres: SqlDatabase = {
  name: 'PostgreSQL',
  async open() {
    const database = await createPgTestPersistence({ pool: { max: 4 } });
    return { persistence: database.persistence, cleanup: () => database.dispose() };
  },
};

/**
 * Runs a suite on SQLite and on PostgreSQL; without PostgreSQL its half is skipped loudly, except
 * under CI, where it fails.
 */
export function describeEachDatabase(title: string, suite: (database: SqlDatabase) => void): void {
  describe(`${title} on ${sqlite.name}`, () => {
    suite(sqlite);
  });
  describePg(`${title} on ${postgres.name}`, () => {
    suite(postgres);
  });
}
