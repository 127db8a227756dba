import { randomBytes } from 'node:crypto';
import { createSqlPersistence, type SqlPersistence } from '@inventory/adapters-sql';
import { pgTestUrl } from '@inventory/adapters-sql/testing';

type Knex = SqlPersistence['knex'];

/** A PostgreSQL database of a test's own on the test server, for servers started from a URL. */
export interface FreshPostgres {
  readonly url: string;
  /** Plain SQL on that database (a connection pool of the test's own). */
  readonly sql: Knex;
  /** Closes the test's connections and drops the database, ending any session still in it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database on the test PostgreSQL. A database rather than a schema: server
 * processes are started from `DATABASE_URL` alone, and each must find its tables in `public`.
 */
export async function freshPostgres(): Promise<FreshPostgres> {
  const name = `reliability_${randomBytes(5).toString('hex')}`;
  await withAdmin((admin) => admin.raw(`CREATE DATABASE ${name}`));
  const target = new URL(pgTestUrl());
  target.pathname = `/${name}`;
  const url = target.toString();
  const persistence: SqlPersistence = await createSqlPersistence({ url, pool: { max: 4 } });
  return {
    url,
    sql: persistence.knex,
    async drop() {
      await persistence.close();
      await withAdmin((admin) => admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(work: (admin: Knex) => Promise<unknown>): Promise<void> {
  const admin = await createSqlPersistence({ url: pgTestUrl(), pool: { max: 1 } });
  try {
    await work(admin.knex);
  } finally {
    await admin.close();
  }
}
