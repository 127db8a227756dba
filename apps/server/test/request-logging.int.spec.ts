import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFixture } from './support/database-fixtures.js';
import { E2eServer } from './support/e2e-server.js';
import { expectError } from './support/expectations.js';

const REQUEST_TIMEOUT_MS = 600;

/** Sends the headers and the start of a body, then nothing more; resolves with what the server answered. */
function slowRequest(url: string, headers: Readonly<Record<string, string>>): Promise<{ answer: string; elapsedMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const lines = Object.entries({ host: hostname, 'content-type': 'application/json', 'content-length': '64', ...headers }).map(([name, value]) => `${name}: ${value}`);
      socket.write(`POST /v2/inventory/search HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n{"skus":`);
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, elapsedMs: Date.now() - started }));
  });
}

/** The value of one sample of the exposition text, e.g. `http_requests_total{method="GET",…}`. */
function sample(text: string, name: string, labels: Readonly<Record<string, string>>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = new Map([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

// Logs and labels do not depend on the database: one SQLite server is enough.
describe('request logs and metric labels (real server, captured logs)', () => {
  const logLines: string[] = [];
  const logged = (requestId: string): Record<string, unknown>[] =>
    logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['reqId'] === requestId && line['msg'] === 'request');
  let server: E2eServer;
  beforeAll(async () => {
    server = await E2eServer.start(sqliteFixture, { logLines, env: { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) } });
  });
  afterAll(() => server.close());

  it('logs GraphQL requests with the path the client sent, and counts them under /graphql whatever their status', async () => {
    const { reader } = server.tenant();
    const found = await reader.post('/graphql', { query: '{ inventorySearch(input: {}) { itemsFound } }' }, { headers: { 'x-request-id': 'gql-ok' } });
    expect(found.status).toBe(200);
    const missing = await reader.post('/graphql?op=x', { query: '{ inventory(id: 424242) { id } }' }, { headers: { 'x-request-id': 'gql-404' } });
    expect(missing.status).toBe(404);
    expect(logged('gql-ok')).toMatchObject([{ method: 'POST', path: '/graphql', status: 200 }]);
    expect(logged('gql-404')).toMatchObject([{ method: 'POST', path: '/graphql', status: 404 }]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(sample(metrics, 'http_requests_total', { method: 'POST', route: '/graphql', status: '404' })).toBe(1);
    expect(sample(metrics, 'http_requests_total', { method: 'POST', route: 'unmatched', status: '404' })).toBeUndefined();
  });

  it('labels a refused token request with its route template and logs its path', async () => {
    const response = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('nobody:wrong').toString('base64')}`, 'x-request-id': 'token-refused' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(response.status).toBe(401);
    expect(logged('token-refused')).toMatchObject([{ method: 'POST', path: '/oauth2/token', status: 401 }]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(sample(metrics, 'http_requests_total', { method: 'POST', route: '/oauth2/token', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(metrics).not.toContain('/oauth2/token/oauth2/token');
  });

  it('logs a request cut by the request timeout, with status 408 and its duration, and counts it under its route', async () => {
    const { reader } = server.tenant();
    const authorization = (await reader.authorization()) ?? '';
    const { answer, elapsedMs } = await slowRequest(server.url, { authorization, 'x-request-id': 'slow-body' });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    await expect.poll(() => logged('slow-body')).toHaveLength(1);
    const [line] = logged('slow-body');
    expect(line).toMatchObject({ level: 40, method: 'POST', path: '/v2/inventory/search', status: 408, cut: 'request-timeout' });
    expect(line?.['durationMs']).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(sample(metrics, 'http_requests_total', { method: 'POST', route: '/v2/inventory/search', status: '408' })).toBe(1);
    expectError(await reader.post('/v2/inventory/search', { skus: 7 }), 'VALIDATION_FAILED', ['skus']);
  });

  it('logs a request whose client hung up before the answer, with status 499', async () => {
    const { reader } = server.tenant();
    const authorization = (await reader.authorization()) ?? '';
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /v2/inventory/search HTTP/1.1\r\nhost: x\r\nauthorization: ${authorization}\r\nx-request-id: hung-up\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n{`);
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await expect.poll(() => logged('hung-up')).toHaveLength(1);
    expect(logged('hung-up')[0]).toMatchObject({ level: 30, path: '/v2/inventory/search', status: 499, cut: 'connection-closed' });
  });
});
