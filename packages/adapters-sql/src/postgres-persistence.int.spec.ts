import { isInventoryError } from '@inventory/core';
import { aRecord, expectCode, instant, TENANT_A, written } from '@inventory/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createSqlPersistence, migrations, type SqlPersistence } from './index.js';
import { createPgTestPersistence, describePg, dropSchema, pgTestUrl, randomSchemaName, type PgTestPersistence } from './testing/index.js';

const NOW = instant('2025-06-15T10:00:00.000Z');

/** A connection of the test's own, for what the adapter must survive: locks, killed backends. */
async function admin(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: pgTestUrl(), options: `-c search_path=${schema}` });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function backendPid(db: SqlPersistence): Promise<number> {
  const result = await db.knex.raw<{ rows: { pid: number }[] }>('SELECT pg_backend_pid() AS pid');
  const pid = result.rows[0]?.pid;
  if (pid === undefined) throw new Error('no backend pid');
  return pid;
}

async function eventually(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100 && !check(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

describePg('PostgreSQL persistence', () => {
  let shared: PgTestPersistence;
  const opened: PgTestPersistence[] = [];
  const open = async (options: Parameters<typeof createPgTestPersistence>[0]): Promise<PgTestPersistence> => {
    const test = await createPgTestPersistence(options);
    opened.push(test);
    return test;
  };
  beforeAll(async () => {
    shared = await createPgTestPersistence();
  });
  afterAll(() => shared.dispose());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((test) => test.dispose()));
  });

  it('stores cost price as numeric(10,5) and instants as timestamptz, exactly', async () => {
    const created = await shared.persistence.stores.inventory.create(TENANT_A, aRecord().costing('12345.67891').deliveringOn('2025-08-01T12:34:56.789Z').build(), NOW);
    const result = await shared.persistence.knex.raw<{ rows: unknown[] }>(
      "SELECT cost_price::text AS cost, pg_typeof(cost_price)::text AS cost_type, next_delivery_date = '2025-08-01T12:34:56.789Z'::timestamptz AS same_date FROM inventory WHERE id = ?",
      [created.id],
    );
    expect(result.rows).toEqual([{ cost: '12345.67891', cost_type: 'numeric', same_date: true }]);
  });

  it('a bulk upsert carries exact cost prices, any text and instants into the same values a single create stores', async () => {
    const values = ['12345.67891', '-99999.99999', '99999.99999', '0.00001', '0'].map((price, index) =>
      aRecord()
        .inWarehouse(100 + index)
        .costing(price)
        .atLocation(`"q\\uote", {brace}, ü, 😀 ${index}`)
        .withNotes(index === 0 ? 'line\nbreak\ttab \\N NULL' : '')
        .deliveringOn(index === 1 ? null : '2025-08-01T12:34:56.789Z')
        .build(),
    );
    const outcomes = await shared.persistence.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, values.map((row) => ({ values: row, overwrite: [] })), NOW));
    const stored = await Promise.all(written(outcomes).map((outcome) => shared.persistence.stores.inventory.get(TENANT_A, outcome.id)));
    expect(stored.map((record) => record && { ...record, id: 0 })).toEqual(values.map((row) => ({ ...row, id: 0, version: 1, createdAt: NOW, lastModifiedAt: NOW })));
  });

  it('when the database is unreachable, every call fails fast with SERVICE_UNAVAILABLE', async () => {
    const db = await createSqlPersistence({ url: 'postgres://postgres@127.0.0.1:1/test', pool: { acquireTimeoutMs: 2000 } });
    try {
      await expectCode(db.ping(), 'SERVICE_UNAVAILABLE');
      await expectCode(db.stores.inventory.get(TENANT_A, 1), 'SERVICE_UNAVAILABLE');
      await expectCode(db.unitOfWork.run((stores) => stores.inventory.create(TENANT_A, aRecord().build(), NOW)), 'SERVICE_UNAVAILABLE');
      await expectCode(db.migrate(), 'SERVICE_UNAVAILABLE');
    } finally {
      await db.close();
    }
  });

  it('when the pool is exhausted, a caller fails within the acquire timeout, and all works once a connection is free', async () => {
    const { persistence: db } = await open({ pool: { max: 1, acquireTimeoutMs: 300 } });
    let release = (): void => undefined;
    const held = db.unitOfWork.run(() => new Promise<void>((resolve) => (release = resolve)));
    await expectCode(db.stores.inventory.get(TENANT_A, 1), 'SERVICE_UNAVAILABLE');
    await expectCode(db.unitOfWork.run(() => Promise.resolve()), 'SERVICE_UNAVAILABLE');
    release();
    await held;
    expect(await db.stores.inventory.get(TENANT_A, 1)).toBeUndefined();
  });

  it('when an idle connection is killed, the process stays up, the error is reported, and the next call reconnects', async () => {
    const errors: Error[] = [];
    const { persistence: db, schema } = await open({ pool: { max: 1 }, onConnectionError: (error) => errors.push(error) });
    const pid = await backendPid(db);
    const client = await admin(schema);
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
    await client.end();
    await eventually(() => errors.length > 0);
    await db.ping();
    expect(await backendPid(db)).not.toBe(pid);
  });

  it('when the connection dies inside a unit of work, it fails with SERVICE_UNAVAILABLE, nothing is committed, and the next one works', async () => {
    const { persistence: db, schema } = await open({ pool: { max: 1 } });
    const pid = await backendPid(db);
    const client = await admin(schema);
    const failing = db.unitOfWork.run(async (stores) => {
      await stores.inventory.create(TENANT_A, aRecord().build(), NOW);
      await client.query('SELECT pg_terminate_backend($1)', [pid]);
      await stores.inventory.create(TENANT_A, aRecord().inWarehouse(2).build(), NOW);
    });
    await expectCode(failing, 'SERVICE_UNAVAILABLE');
    await client.end();
    expect(await db.unitOfWork.run((stores) => stores.inventory.countForProduct(TENANT_A, 1))).toBe(0);
  });

  it('when a statement waits past the statement timeout, it fails with SERVICE_UNAVAILABLE', async () => {
    const { persistence: db, schema } = await open({ statementTimeoutMs: 200 });
    const client = await admin(schema);
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE inventory IN ACCESS EXCLUSIVE MODE');
      await expectCode(db.stores.inventory.get(TENANT_A, 1), 'SERVICE_UNAVAILABLE');
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it('when two processes migrate a new schema at once, both succeed and each migration runs once', async () => {
    const schema = randomSchemaName();
    const [one, two] = await Promise.all([1, 2].map(() => createSqlPersistence({ url: pgTestUrl(), searchPath: schema })));
    try {
      if (one === undefined || two === undefined) throw new Error('not opened');
      await Promise.all([one.migrate(), two.migrate()]);
      await one.migrate();
      const names: unknown = await one.knex('knex_migrations').orderBy('id').pluck('name');
      expect(names).toEqual(migrations.map(({ name }) => name));
    } finally {
      await Promise.all([one?.close(), two?.close()]);
      await dropSchema(schema);
    }
  });

  it('when the database fails in an unexpected way, the error names no SQL', async () => {
    const { persistence: db } = await open({});
    await db.knex.schema.dropTable('inventory');
    const error: unknown = await db.stores.inventory.get(TENANT_A, 1).catch((rejection: unknown) => rejection);
    expect((error as Error).message).toBe('Database operation failed (42P01)');
    expect(isInventoryError(error)).toBe(false);
  });

  it('when the schema name is not a plain identifier, opening is refused', async () => {
    await expect(createSqlPersistence({ url: pgTestUrl(), searchPath: 'x; DROP SCHEMA public' })).rejects.toThrow(/plain schema name/);
  });
});
