import { InventoryError, SCOPES } from '@inventory/core';
import { StaticTokenAuthenticator } from '@inventory/http-rest/testing';
import { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { startServer, type RunningServer } from '../src/lifecycle/start-server.js';
import { createLogger } from '../src/logging/create-logger.js';
import { ApiClient } from './support/api-client.js';
import { registerProducts } from './support/api-steps.js';
import { expectError } from './support/expectations.js';
import { faultyPersistence } from './support/fault-persistence.js';
import { aProduct } from './support/request-builders.js';

const TOKEN = 'secret-token-4f1c9a';

/** A server over the faulty in-memory store, with its JSON log lines captured. */
async function startFaultyServer(env: Record<string, string> = {}) {
  const { persistence, faults, closed } = faultyPersistence();
  const lines: string[] = [];
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const authenticator = new StaticTokenAuthenticator({ [TOKEN]: { tenant: 'ops', scopes: SCOPES } });
  const server = await startServer(config, {
    persistence,
    auth: { authenticator, router: Router(), start: () => Promise.resolve() },
    logger: createLogger(config, { write: (line: string) => void lines.push(line) }),
  });
  running.push(server);
  return { server, faults, closed, api: new ApiClient(server.url, TOKEN), logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

describe('operations', () => {
  it('answers /readyz 503 in the envelope with Retry-After while the database is unreachable, and recovers', async () => {
    const { api, faults } = await startFaultyServer();
    faults.pingFails = true;
    const down = await api.get('/readyz');
    expectError(down, 'SERVICE_UNAVAILABLE');
    expect(down.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(down.body)).not.toContain('ECONNREFUSED');
    expect((await api.get('/healthz')).status).toBe(200);
    faults.pingFails = false;
    expect((await api.get('/readyz')).status).toBe(200);
  });

  it('answers 503 with Retry-After when the store reports SERVICE_UNAVAILABLE', async () => {
    const { api, faults } = await startFaultyServer();
    await registerProducts(api, aProduct(1));
    faults.readError = new InventoryError('SERVICE_UNAVAILABLE', 'pool timeout after 5000 ms on SELECT * FROM inventory');
    const response = await api.get('/v2/products/id/1/inventory');
    expectError(response, 'SERVICE_UNAVAILABLE');
    expect(response.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(response.body)).not.toContain('SELECT');
  });

  it('answers 500 10500 with a generic message for a bug, logging it server-side with the request id', async () => {
    const { api, faults, logs } = await startFaultyServer();
    await registerProducts(api, aProduct(1));
    faults.readError = new Error('relation "inventory" does not exist: SELECT * FROM inventory WHERE tenant = $1');
    const response = await api.get('/v2/products/id/1/inventory', { headers: { 'x-request-id': 'trace-500' } });
    expectError(response, 'INTERNAL');
    expect(response.body.error?.messages).toEqual(['Internal server error']);
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|relation|at .*\.ts/);
    const logged = logs().find((line) => line['msg'] === 'unexpected error');
    expect(logged).toMatchObject({ reqId: 'trace-500', level: 50 });
    expect(JSON.stringify(logged)).toContain('relation \\"inventory\\" does not exist');
  });

  it('logs one JSON line per request with its id and never the bearer token', async () => {
    const { api, logs } = await startFaultyServer();
    await api.get('/v2/inventory/id/1', { headers: { 'x-request-id': 'trace-log' } });
    await api.post('/v2/inventory/search', { skus: [TOKEN] }, { headers: { 'x-request-id': 'trace-body' } });
    const line = logs().find((entry) => entry['reqId'] === 'trace-log');
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/v2/inventory/id/1', status: 404, service: 'inventory' });
    expect(typeof line?.['durationMs']).toBe('number');
    expect(logs().map((entry) => JSON.stringify(entry)).join('\n')).not.toContain(TOKEN);
  });

  it('sends CORS headers only to allowed origins and answers their preflight', async () => {
    const { api } = await startFaultyServer({ CORS_ORIGINS: 'https://shop.example, http://localhost:3000' });
    const allowed = await api.get('/healthz', { headers: { origin: 'https://shop.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await api.get('/healthz', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await api.send('OPTIONS', '/v2/inventory/search', undefined, {
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('lets allowed browsers send the precondition and idempotency headers and read ETag and Idempotent-Replayed', async () => {
    const { api } = await startFaultyServer({ CORS_ORIGINS: 'https://shop.example' });
    const preflight = await api.send('OPTIONS', '/v2/inventory/id/1', undefined, {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match,idempotency-key' },
    });
    const allowedHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    expect(allowedHeaders).toEqual(expect.arrayContaining(['if-match', 'if-none-match', 'idempotency-key']));
    const answer = await api.get('/healthz', { headers: { origin: 'https://shop.example' } });
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['etag', 'idempotent-replayed']));
  });

  it('finishes an in-flight request on close, refuses new connections, then closes the database', async () => {
    const { server, api, faults, closed } = await startFaultyServer();
    await registerProducts(api, aProduct(1));
    faults.readDelayMs = 300;
    const inFlight = api.get('/v2/products/id/1/inventory');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    expect((await inFlight).status).toBe(200);
    const closedInTime = await Promise.race([closing.then(() => true), new Promise((resolve) => setTimeout(resolve, 4000, false))]);
    expect(closedInTime, 'close waited for the idle keep-alive socket to time out').toBe(true);
    expect(closed()).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
