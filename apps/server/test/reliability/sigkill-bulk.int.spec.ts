import { createSqlPersistence } from '@inventory/adapters-sql';
import { describePg } from '@inventory/adapters-sql/testing';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { batchBody, productsBody } from './support/bulk-batch.js';
import { freshPostgres, type FreshPostgres } from './support/fresh-postgres.js';
import { aClient, buildServer, ServerProcess } from './support/server-process.js';

const CLIENT = aClient('sigkill');
const PRODUCTS = 600;
const WAREHOUSES = 50;
const BATCH = PRODUCTS * WAREHOUSES;
const ENV = { AUTH_CLIENTS: JSON.stringify([CLIENT]), BULK_MAX_ITEMS: String(BATCH), BODY_LIMIT: String(32 * 1024 * 1024) };

interface KillOutcome {
  /** Whether the response had arrived when the process was killed (then the kill proves nothing). */
  readonly answered: boolean;
}

/**
 * Sends the batch without waiting, polls `writing()` until the server is inside the write, then
 * SIGKILLs it. Gives up polling (and kills anyway) after `maxWaitMs`.
 */
async function killDuringWrite(server: ServerProcess, api: ApiClient, marker: string, writing: () => Promise<boolean>, maxWaitMs = 15_000): Promise<KillOutcome> {
  const progress = { answered: false };
  const request = api.post('/v2/inventory/bulk/id/local', batchBody(PRODUCTS, WAREHOUSES, marker)).then(
    () => (progress.answered = true),
    () => undefined,
  );
  const deadline = Date.now() + maxWaitMs;
  while (!progress.answered && Date.now() < deadline && !(await writing())) await new Promise((resolve) => setTimeout(resolve, 2));
  const sawAnswer = progress.answered;
  expect(await server.stop('SIGKILL')).toBeNull();
  await request;
  return { answered: sawAnswer };
}

async function seed(server: ServerProcess): Promise<ApiClient> {
  const api = await server.client(CLIENT);
  expect((await api.post('/v2/products/bulk', productsBody(PRODUCTS))).status).toBe(200);
  return api;
}

describe('SIGKILL during a large bulk write on SQLite (server as a child process)', () => {
  let folder: string;
  beforeAll(async () => {
    await buildServer();
    folder = await mkdtemp(join(tmpdir(), 'inventory-sigkill-'));
  }, 180_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it(`killed while the ${BATCH}-row transaction spills into the WAL: after restart the batch is all there or not at all, integrity_check passes, and the batch can be written again`, async () => {
    const file = join(folder, 'inventory.db');
    const url = `sqlite:${file}`;
    const first = await ServerProcess.start({ ...ENV, DATABASE_URL: url });
    const api = await seed(first);
    const walSize = () => {
      try {
        return statSync(`${file}-wal`).size;
      } catch {
        return 0;
      }
    };
    const baseline = walSize();
    const outcome = await killDuringWrite(first, api, 'batch-1', () => Promise.resolve(walSize() > baseline + 1024 * 1024));
    expect(outcome.answered, 'the kill came after the answer: the write was not in progress').toBe(false);

    const second = await ServerProcess.start({ ...ENV, DATABASE_URL: url });
    expect((await (await second.client(CLIENT)).get('/v2/products/id/1/inventory')).status).toBe(200);
    expect(await second.stop()).toBe(0);
    const check = await createSqlPersistence({ url });
    try {
      expect(await check.knex.raw('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const [row] = await check.knex('inventory').where({ notes: 'batch-1' }).count({ rows: '*' });
      expect([0, BATCH]).toContain(Number(row?.['rows']));
    } finally {
      await check.close();
    }

    const third = await ServerProcess.start({ ...ENV, DATABASE_URL: url });
    try {
      const rewrite = await (await third.client(CLIENT)).post<{ total: number }>('/v2/inventory/bulk/id/local', batchBody(PRODUCTS, WAREHOUSES, 'batch-1'));
      expect(rewrite.status).toBe(200);
      expect(rewrite.body.total).toBe(BATCH);
    } finally {
      expect(await third.stop()).toBe(0);
    }
  });
});

describePg('SIGKILL during a large bulk write on PostgreSQL (server as a child process)', () => {
  let database: FreshPostgres;
  beforeAll(async () => {
    await buildServer();
    database = await freshPostgres();
  }, 180_000);
  afterAll(() => database.drop());

  /** Transactions of other sessions that have written something. */
  const writingTransactions = async (): Promise<number> => {
    const result = await database.sql.raw<{ rows: { n: string }[] }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL');
    return Number(result.rows[0]?.n);
  };
  const batchRows = async (marker: string): Promise<number> => {
    const [row] = await database.sql('inventory').where({ notes: marker }).count({ rows: '*' });
    return Number(row?.['rows']);
  };

  it(`killed inside the ${BATCH}-row transaction: after restart the batch is all there or not at all, with no duplicate keys`, async () => {
    const first = await ServerProcess.start({ ...ENV, DATABASE_URL: database.url });
    const api = await seed(first);
    const outcome = await killDuringWrite(first, api, 'batch-1', async () => (await writingTransactions()) > 0);
    expect(outcome.answered, 'the kill came after the answer: the write was not in progress').toBe(false);
    for (let waited = 0; (await writingTransactions()) > 0; waited += 50) {
      if (waited > 10_000) throw new Error('the killed server’s transaction is still open after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([0, BATCH]).toContain(await batchRows('batch-1'));

    const second = await ServerProcess.start({ ...ENV, DATABASE_URL: database.url });
    try {
      const rewrite = await (await second.client(CLIENT)).post<{ total: number }>('/v2/inventory/bulk/id/local', batchBody(PRODUCTS, WAREHOUSES, 'batch-1'));
      expect(rewrite.status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(await batchRows('batch-1')).toBe(BATCH);
    const duplicates = await database.sql.raw<{ rows: unknown[] }>(
      'SELECT tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id FROM inventory GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1',
    );
    expect(duplicates.rows).toEqual([]);
  });
});
