import { describePersistenceContract, type PersistenceFixture } from '@inventory/core/testing';
import { afterAll } from 'vitest';
import { createPgTestPersistence, describePg, type PgTestPersistence } from './testing/index.js';

/** One migrated schema for the file; every test starts from empty tables. */
function pgFixture(): PersistenceFixture & { dispose(): Promise<void> } {
  let opened: Promise<PgTestPersistence> | undefined;
  return {
    async create() {
      opened ??= createPgTestPersistence();
      const { persistence } = await opened;
      await persistence.knex.raw('DELETE FROM product_sources; DELETE FROM products; DELETE FROM inventory; DELETE FROM idempotency_keys; DELETE FROM inventory_movements; DELETE FROM hold_lines; DELETE FROM holds');
      return persistence;
    },
    async dispose() {
      await (await opened)?.dispose();
    },
  };
}

describePg('PostgreSQL persistence', () => {
  const fixture = pgFixture();
  afterAll(() => fixture.dispose());
  describePersistenceContract('PostgreSQL', fixture);
});
