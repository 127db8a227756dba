import type { ClientStore, SigningKeyStore } from '@inventory/auth';
import { describeClientStoreContract, describeSigningKeyStoreContract } from '@inventory/auth/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createSqlPersistence } from '../create-sql-persistence.js';
import type { SqlPersistence } from '../sql-persistence.js';
import { createPgTestPersistence, describePg, type PgTestPersistence } from '../testing/index.js';
import { KnexClientStore } from './knex-client-store.js';
import { KnexSigningKeyStore } from './knex-signing-key-store.js';

/** The SQL stores run the same contracts as the in-memory fakes, on both databases, through the real migrations. */
function describeSqlStores(open: () => Promise<{ persistence: SqlPersistence; dispose: () => Promise<void> }>): void {
  let persistence: SqlPersistence | undefined;
  let dispose = (): Promise<void> => Promise.resolve();
  beforeAll(async () => {
    ({ persistence, dispose } = await open());
  });
  afterAll(() => dispose());

  const emptied = async (): Promise<SqlPersistence> => {
    if (persistence === undefined) throw new Error('persistence not opened');
    await persistence.knex('auth_clients').delete();
    await persistence.knex('auth_signing_keys').delete();
    return persistence;
  };
  const clients = async (): Promise<ClientStore> => new KnexClientStore((await emptied()).knex);
  const keys = async (): Promise<SigningKeyStore> => new KnexSigningKeyStore((await emptied()).knex);
  describeClientStoreContract('SQL', clients);
  describeSigningKeyStoreContract('SQL', keys);
}

describe('SQLite auth stores', () => {
  describeSqlStores(async () => {
    const persistence = await createSqlPersistence({ url: 'sqlite::memory:' });
    await persistence.migrate();
    return { persistence, dispose: () => persistence.close() };
  });
});

describePg('PostgreSQL auth stores', () => {
  describeSqlStores(async () => {
    const pg: PgTestPersistence = await createPgTestPersistence();
    return { persistence: pg.persistence, dispose: () => pg.dispose() };
  });
});
