import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { expectError } from '../support/expectations.js';
import { aClient, buildServer, ServerProcess } from './support/server-process.js';
import { describeWithCluster, ThrowawayCluster } from './support/throwaway-cluster.js';

const CLIENT = aClient('outage');
/** A 503 must come well within this, however the database went away. */
const FAST_MS = 2500;
const STATEMENT_TIMEOUT_MS = 2000;

async function timed(call: () => Promise<ApiResponse>): Promise<{ response: ApiResponse; ms: number }> {
  const started = performance.now();
  const response = await call();
  return { response, ms: performance.now() - started };
}

async function readyWithin(api: ApiClient, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await api.get('/readyz')).status !== 200) {
    if (Date.now() > deadline) throw new Error(`not ready ${ms} ms after the database came back`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeWithCluster('PostgreSQL stopped and restarted under a running server (throwaway cluster, server as a child process)', () => {
  let cluster: ThrowawayCluster;
  let server: ServerProcess;
  let api: ApiClient;

  beforeAll(async () => {
    await buildServer();
    cluster = await ThrowawayCluster.create();
    server = await ServerProcess.start({ DATABASE_URL: cluster.url, AUTH_CLIENTS: JSON.stringify([CLIENT]), DATABASE_ACQUIRE_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) });
    api = await server.client(CLIENT);
    expect((await api.post('/v2/products/bulk', { products: [{ id: 1, sku: 'W-1' }] })).status).toBe(200);
    expect((await api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 4 }] })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await server.stop();
    await cluster.destroy();
  });

  const whileDown = [
    ['a read', () => api.get('/v2/products/id/1/inventory')],
    ['a search', () => api.post('/v2/inventory/search', {})],
    ['a bulk write', () => api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 9 }] })],
    ['readiness', () => api.get('/readyz')],
  ] as const;

  it('answers 503 with Retry-After fast while the database is stopped, stays alive, and recovers by itself', async () => {
    await cluster.stop('fast');
    for (const [name, call] of whileDown) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const { response, ms } = await timed(call);
        expectError(response, 'SERVICE_UNAVAILABLE');
        expect(response.headers.get('retry-after'), name).toBe('5');
        expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(FAST_MS);
      }
    }
    expect((await api.get('/healthz')).status).toBe(200);
    expect(server.running).toBe(true);

    await cluster.start();
    await readyWithin(api, 15_000);
    const read = await api.get('/v2/products/id/1/inventory');
    expect(read.body.data).toEqual([expect.objectContaining({ localQuantity: 4 })]);
    expect((await api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: 6 }] })).status).toBe(200);
    expect((await api.get('/v2/products/id/1/inventory')).body.data).toEqual([expect.objectContaining({ localQuantity: 6 })]);
    expect(server.logged('service unavailable').length).toBeGreaterThan(0);
  });

  // statement_timeout is enforced by the (frozen) server itself; the pool's client-side
  // query_timeout (statement timeout + 1 s) is what bounds the wait here.
  it('a frozen database (every PostgreSQL process stopped, connections open but silent) answers 503 in bounded time instead of hanging', async () => {
    await cluster.freeze();
    try {
      for (const [name, call] of whileDown) {
        const { response, ms } = await timed(() => Promise.race([call(), new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${name} hung for 6 s`)), 6000))]));
        expectError(response, 'SERVICE_UNAVAILABLE');
        expect(ms, name).toBeLessThan(STATEMENT_TIMEOUT_MS + FAST_MS);
      }
    } finally {
      await cluster.thaw();
    }
    await readyWithin(api, 15_000);
    expect((await api.get('/v2/products/id/1/inventory')).status).toBe(200);
  });

  it('after a crash-like stop and restart (pooled connections all dead), no request hangs and service resumes', async () => {
    await cluster.stop('immediate');
    await cluster.start();
    const answers: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { response, ms } = await timed(() => api.get('/v2/products/id/1/inventory'));
      expect(ms).toBeLessThan(FAST_MS);
      answers.push(response.status);
      if (response.status !== 200) expectError(response, 'SERVICE_UNAVAILABLE');
    }
    expect(answers.at(-1)).toBe(200);
    await readyWithin(api, 5000);
    expect(server.running).toBe(true);
  });
});
