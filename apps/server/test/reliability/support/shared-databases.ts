import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePg } from '@inventory/adapters-sql/testing';
import { describe } from 'vitest';
import { freshPostgres } from './fresh-postgres.js';

/** A database several server processes share, by URL. */
export interface SharedDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export interface SharedDatabaseKind {
  readonly name: 'sqlite' | 'postgres';
  /** `describe`, or its PostgreSQL variant that skips (or fails in CI) without a database. */
  readonly describe: (name: string, body: () => void) => void;
  readonly open: () => Promise<SharedDatabase>;
}

/** One SQLite file in a temp folder and one fresh PostgreSQL database: what multi-process tests run over. */
export const SHARED_DATABASES: readonly SharedDatabaseKind[] = [
  {
    name: 'sqlite',
    describe: (name, body) => describe(name, body),
    async open() {
      const folder = await mkdtemp(join(tmpdir(), 'inventory-shared-'));
      return { url: `sqlite:${join(folder, 'inventory.db')}`, drop: () => rm(folder, { recursive: true, force: true }) };
    },
  },
  { name: 'postgres', describe: describePg, open: freshPostgres },
];
