import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/lifecycle/start-server.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { expectError } from '../support/expectations.js';
import { aClient, requestToken } from './support/server-process.js';
import { SqliteLockHolder } from './support/sqlite-lock-holder.js';

const CLIENT = aClient('busy');
const BUSY_TIMEOUT_MS = 1000;

async function timed(call: Promise<ApiResponse>): Promise<{ response: ApiResponse; ms: number }> {
  const started = performance.now();
  const response = await call;
  return { response, ms: performance.now() - started };
}

describe('SQLite busy: another process holds the write lock (real server, SQLITE_BUSY_TIMEOUT_MS=1000)', () => {
  let folder: string;
  let file: string;
  let server: RunningServer;
  let api: ApiClient;
  const write = (quantity: number) => api.post('/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity }] });
  const read = () => api.get('/v2/products/id/1/inventory');

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'inventory-busy-'));
    file = join(folder, 'inventory.db');
    server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${file}`, AUTH_CLIENTS: JSON.stringify([CLIENT]), SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) }));
    api = new ApiClient(server.url, await requestToken(server.url, CLIENT));
    expect((await api.post('/v2/products/bulk', { products: [{ id: 1, sku: 'W-1' }] })).status).toBe(200);
    expect((await write(1)).status).toBe(200);
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('a write waits the whole busy timeout, then answers 503 with Retry-After, while reads keep answering at once', async () => {
    const holder = await SqliteLockHolder.hold(file);
    try {
      const pending = timed(write(2));
      for (let probe = 0; probe < 3; probe += 1) {
        const { response, ms } = await timed(read());
        expect(response.status).toBe(200);
        expect(ms).toBeLessThan(400);
      }
      const { response, ms } = await pending;
      expectError(response, 'SERVICE_UNAVAILABLE');
      expect(response.headers.get('retry-after')).toBe('5');
      expect(ms).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(BUSY_TIMEOUT_MS + 1500);
    } finally {
      await holder.release();
    }
    expect((await read()).body.data).toEqual([expect.objectContaining({ localQuantity: 1 })]);
    expect((await write(3)).status).toBe(200);
  });

  it('a write succeeds when the other process lets go of the lock within the busy timeout', async () => {
    const holder = await SqliteLockHolder.hold(file);
    const pending = timed(write(4));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.release();
    const { response, ms } = await pending;
    expect(response.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect((await read()).body.data).toEqual([expect.objectContaining({ localQuantity: 4 })]);
  });
});
