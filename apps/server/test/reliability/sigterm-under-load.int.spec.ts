import { createSqlPersistence } from '@inventory/adapters-sql';
import { describePg } from '@inventory/adapters-sql/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { expectError } from '../support/expectations.js';
import { productsBody } from './support/bulk-batch.js';
import { getOnNewConnection } from './support/fresh-connection.js';
import { freshPostgres } from './support/fresh-postgres.js';
import { aClient, buildServer, ServerProcess } from './support/server-process.js';
import { SqliteLockHolder } from './support/sqlite-lock-holder.js';

const CLIENT = aClient('sigterm');
const PRODUCTS = 200;
const WRITES = 6;
const WAREHOUSES_PER_WRITE = 10;
const ROWS_PER_WRITE = PRODUCTS * WAREHOUSES_PER_WRITE;
const BURST = 10;

/** Write `w` covers warehouses of its own, so every write adds ROWS_PER_WRITE new rows. */
function writeBody(write: number): { inventory: Record<string, unknown>[] } {
  const inventory: Record<string, unknown>[] = [];
  for (let productId = 1; productId <= PRODUCTS; productId += 1) {
    for (let slot = 1; slot <= WAREHOUSES_PER_WRITE; slot += 1) inventory.push({ productId, warehouseId: write * 100 + slot, quantity: slot, notes: 'sigterm' });
  }
  return { inventory };
}

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  for (const deadline = Date.now() + ms; !(await check()); ) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function inFlight(api: ApiClient): Promise<number> {
  const text = (await api.get<string>('/metrics')).body;
  return Number(/^http_requests_in_flight (\d+)/m.exec(text)?.[1] ?? 0);
}

interface Database {
  readonly url: string;
  /** Makes writes wait inside the database (another session holds the lock) until released. */
  blockWrites(): Promise<() => Promise<void>>;
  countRows(): Promise<number>;
}

/**
 * Bulk writes are started and kept waiting on the database; SIGTERM arrives while they run. Then:
 * new requests — even on new connections — are refused with 503 in the envelope, never reset;
 * once the database lets go, every write that was running finishes 200 and is stored; the
 * listener closes (new connections refused), the database closes (`stopped` is logged after it),
 * and the process exits 0.
 */
async function sigtermUnderLoad(database: Database): Promise<void> {
  const server = await ServerProcess.start({ DATABASE_URL: database.url, AUTH_CLIENTS: JSON.stringify([CLIENT]) });
  const api = await server.client(CLIENT);
  expect((await api.post('/v2/products/bulk', productsBody(PRODUCTS))).status).toBe(200);

  const release = await database.blockWrites();
  const writes = Array.from({ length: WRITES }, (_, write) => api.post('/v2/inventory/bulk/id/local', writeBody(write + 1)));
  await eventually(async () => (await inFlight(api)) >= WRITES + 1, `${WRITES} writes running`);

  server.child.kill('SIGTERM');
  await eventually(() => server.logged('shutting down').length > 0, 'the shutdown log line');
  const burst = await Promise.all(Array.from({ length: BURST }, () => api.post('/v2/inventory/search', {})));
  for (const response of burst) expectError(response, 'SERVICE_UNAVAILABLE');
  expect(await getOnNewConnection(`${server.url}/v2/inventory/id/1`)).toBe(503);
  expectError(await api.get('/readyz'), 'SERVICE_UNAVAILABLE');

  await release();
  expect((await Promise.all(writes)).map((response) => response.status)).toEqual(Array.from({ length: WRITES }, () => 200));
  await eventually(async () => (await getOnNewConnection(`${server.url}/healthz`)) === 'ECONNREFUSED', 'the listener closed');
  expect(await server.exited).toBe(0);
  expect(server.logged('stopped')).toHaveLength(1);
  expect(await database.countRows()).toBe(WRITES * ROWS_PER_WRITE);
}

describe('SIGTERM under load on SQLite (server as a child process)', () => {
  let folder: string;
  beforeAll(async () => {
    await buildServer();
    folder = await mkdtemp(join(tmpdir(), 'inventory-sigterm-'));
  }, 180_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('running writes finish 200 after the signal, new requests get 503 (never a reset), then it exits 0', async () => {
    const file = join(folder, 'inventory.db');
    const url = `sqlite:${file}`;
    await sigtermUnderLoad({
      url,
      async blockWrites() {
        const holder = await SqliteLockHolder.hold(file);
        return () => holder.release();
      },
      async countRows() {
        const check = await createSqlPersistence({ url });
        try {
          const [row] = await check.knex('inventory').where({ notes: 'sigterm' }).count({ rows: '*' });
          return Number(row?.['rows']);
        } finally {
          await check.close();
        }
      },
    });
  });
});

describePg('SIGTERM under load on PostgreSQL (server as a child process)', () => {
  it('running writes finish 200 after the signal, new requests get 503 (never a reset), then the pool closes and it exits 0', async () => {
    await buildServer();
    const database = await freshPostgres();
    try {
      await sigtermUnderLoad({
        url: database.url,
        async blockWrites() {
          const transaction = await database.sql.transaction();
          await transaction.raw('LOCK TABLE inventory IN EXCLUSIVE MODE');
          return async () => {
            await transaction.rollback();
          };
        },
        async countRows() {
          const sessions = await database.sql.raw<{ rows: { n: string }[] }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'inventory-service' AND pid <> pg_backend_pid() AND state <> 'idle'");
          expect(Number(sessions.rows[0]?.n)).toBe(0);
          const [row] = await database.sql('inventory').where({ notes: 'sigterm' }).count({ rows: '*' });
          return Number(row?.['rows']);
        },
      });
    } finally {
      await database.drop();
    }
  });
});
