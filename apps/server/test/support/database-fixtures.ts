import { createSqlPersistence, type SqlPersistence } from '@inventory/adapters-sql';
import { describePg, dropSchema, pgTestUrl, randomSchemaName } from '@inventory/adapters-sql/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import type { ServerPersistence } from '../../src/persistence/server-persistence.js';

/** A database for one suite: its URL, or an already open store, and how to throw it away. */
export interface OpenDatabase {
  readonly url: string;
  readonly persistence?: ServerPersistence;
  /** A connection of the test's own to the same database (close it after use), to act beside the server. */
  connect(): Promise<SqlPersistence>;
  cleanup(): Promise<void>;
}

export interface DatabaseFixture {
  readonly name: string;
  /** `describe`, or a variant that skips loudly (fails in CI) when the database is not there. */
  readonly describe: (name: string, body: () => void) => void;
  open(): Promise<OpenDatabase>;
}

/** A fresh SQLite file in a temporary folder, opened by the server itself from `DATABASE_URL`. */
export const sqliteFixture: DatabaseFixture = {
  name: 'sqlite',
  describe: (name, body) => describe(name, body),
  async open() {
    const folder = await mkdtemp(join(tmpdir(), 'inventory-e2e-'));
    const url = `sqlite:${join(folder, 'db', 'inventory.db')}`;
    return { url, connect: () => createSqlPersistence({ url }), cleanup: () => rm(folder, { recursive: true, force: true }) };
  },
};

/** The test PostgreSQL, in a schema of this suite's own that is dropped afterwards. */
export const postgresFixture: DatabaseFixture = {
  name: 'postgres',
  describe: describePg,
  async open() {
    const schema = randomSchemaName();
    const persistence = await createSqlPersistence({ url: pgTestUrl(), searchPath: schema });
    return {
      url: pgTestUrl(),
      persistence,
      connect: () => createSqlPersistence({ url: pgTestUrl(), searchPath: schema, pool: { max: 2 } }),
      cleanup: () => dropSchema(schema),
    };
  },
};

export const DATABASE_FIXTURES: readonly DatabaseFixture[] = [sqliteFixture, postgresFixture];
