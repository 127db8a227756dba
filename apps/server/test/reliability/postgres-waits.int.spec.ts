import { describePg } from '@inventory/adapters-sql/testing';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/lifecycle/start-server.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { expectError } from '../support/expectations.js';
import { freshPostgres, type FreshPostgres } from './support/fresh-postgres.js';
import { aClient, requestToken } from './support/server-process.js';

const CLIENT = aClient('waits');

interface Setup {
  readonly api: ApiClient;
  readonly database: FreshPostgres;
  /** Holds an exclusive lock on the inventory table until the returned release is called. */
  readonly lockInventory: () => Promise<() => Promise<void>>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real server in this process, opening its own fresh database from the environment given. */
async function serverWith(env: Record<string, string>): Promise<Setup> {
  const database = await freshPostgres();
  cleanups.push(() => database.drop());
  const server: RunningServer = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: database.url, AUTH_CLIENTS: JSON.stringify([CLIENT]), ...env }));
  cleanups.push(() => server.close());
  const api = new ApiClient(server.url, await requestToken(server.url, CLIENT));
  expect((await api.post('/v2/products/bulk', { products: [{ id: 1, sku: 'W-1' }] })).status).toBe(200);
  const lockInventory = async () => {
    const transaction = await database.sql.transaction();
    await transaction.raw('LOCK TABLE inventory IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await transaction.rollback();
    };
  };
  return { api, database, lockInventory };
}

async function timed(call: Promise<ApiResponse>): Promise<{ response: ApiResponse; ms: number }> {
  const started = performance.now();
  const response = await call;
  return { response, ms: performance.now() - started };
}

describePg('PostgreSQL waits are bounded by configuration (real server, its own database)', () => {
  it('with the pool exhausted, an excess request fails 503 within DATABASE_ACQUIRE_TIMEOUT_MS, and the held one still finishes', async () => {
    const { api, lockInventory } = await serverWith({ DATABASE_POOL_MAX: '1', DATABASE_ACQUIRE_TIMEOUT_MS: '300', DATABASE_STATEMENT_TIMEOUT_MS: '10000' });
    const release = await lockInventory();
    const holder = api.get('/v2/products/id/1/inventory');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { response, ms } = await timed(api.get('/v2/products/id/1/inventory'));
    expectError(response, 'SERVICE_UNAVAILABLE');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1500);
    expectError(await api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 1 }] }), 'SERVICE_UNAVAILABLE');
    await release();
    expect((await holder).status).toBe(200);
    expect((await api.get('/v2/products/id/1/inventory')).body.data).toEqual([expect.objectContaining({ localQuantity: 0 })]);
  });

  it('a statement waiting past DATABASE_STATEMENT_TIMEOUT_MS answers 503 in the envelope, and a write that timed out left nothing', async () => {
    const { api, lockInventory } = await serverWith({ DATABASE_STATEMENT_TIMEOUT_MS: '400' });
    const release = await lockInventory();
    try {
      const read = await timed(api.get('/v2/products/id/1/inventory'));
      expectError(read.response, 'SERVICE_UNAVAILABLE');
      expect(read.response.headers.get('retry-after')).toBe('5');
      expect(read.ms).toBeGreaterThanOrEqual(350);
      expect(read.ms).toBeLessThan(2000);
      const write = await timed(api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 3 }] }));
      expectError(write.response, 'SERVICE_UNAVAILABLE');
      expect(write.ms).toBeLessThan(2000);
    } finally {
      await release();
    }
    expect((await api.get('/v2/products/id/1/inventory')).body.data).toEqual([expect.objectContaining({ localQuantity: 0, totalQuantity: 0 })]);
    expect((await api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 3 }] })).status).toBe(200);
  });
});
