import { randomBytes } from 'node:crypto';
import { createSqlPersistence, type SqlPersistence } from '@inventory/adapters-sql';

/** One database the SQL-backed suites run on; `open` gives a migrated, empty store of its own. */
export interface SqlDatabase {
  readonly name: string;
  open(): Promise<{ readonly persistence: SqlPersistence; cleanup(): Promise<void> }>;
}

const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const sqlite: SqlDatabase = {
  name: 'SQLite',
  async open() {
    const persistence = await createSqlPersistence({ url: 'sqlite::memory:' });
    await persistence.migrate();
    return { persistence, cleanup: () => persistence.close() };
  },
};

/** PostgreSQL in a schema of its own (`t_<random>`), dropped afterwards, so parallel suites never meet. */
const postgres: SqlDatabase = {
  name: 'PostgreSQL',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const persistence = await createSqlPersistence({ url: POSTGRES_URL, searchPath: schema, pool: { max: 4 } });
    await persistence.migrate();
    return {
      persistence,
      cleanup: async () => {
        await persistence.knex.raw('drop schema if exists ?? cascade', [schema]);
        await persistence.close();
      },
    };
  },
};

/**
 * SQLite always, and PostgreSQL when it answers. Without PostgreSQL the suites say so loudly and
 * skip it, except under CI, where that is a failure.
 */
export async function sqlDatabases(): Promise<SqlDatabase[]> {
  if (await postgresAnswers()) return [sqlite, postgres];
  if (process.env['CI'] !== undefined) throw new Error(`PostgreSQL is unreachable at ${POSTGRES_URL}, and CI requires it`);
  console.warn(`\n!!! PostgreSQL unreachable at ${POSTGRES_URL}: the GraphQL SQL suites run on SQLite only !!!\n`);
  return [sqlite];
}

async function postgresAnswers(): Promise<boolean> {
  const probe = await createSqlPersistence({ url: POSTGRES_URL, pool: { max: 1, acquireTimeoutMs: 2000 } });
  try {
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}
