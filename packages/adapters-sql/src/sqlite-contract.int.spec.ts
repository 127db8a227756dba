import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePersistenceContract, type PersistenceFixture } from '@inventory/core/testing';
import { afterAll } from 'vitest';
import { createSqlPersistence, type SqlPersistence } from './index.js';

/** A fresh, migrated database per test: in memory, or a WAL file with its separate reader connection. */
function sqliteFixture(fileFor: () => string): PersistenceFixture {
  let open: SqlPersistence | undefined;
  return {
    async create() {
      open = await createSqlPersistence({ url: `sqlite:${fileFor()}` });
      await open.migrate();
      return open;
    },
    async cleanup() {
      await open?.close();
      open = undefined;
    },
  };
}

const folder = mkdtempSync(join(tmpdir(), 'inventory-sqlite-contract-'));
let files = 0;
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describePersistenceContract('SQLite in memory', sqliteFixture(() => ':memory:'));
describePersistenceContract('SQLite file (WAL)', sqliteFixture(() => join(folder, `db-${(files += 1)}.sqlite`)));
