import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProducts } from '../support/api-steps.js';
import { sqliteFixture } from '../support/database-fixtures.js';
import { E2eServer } from '../support/e2e-server.js';
import { aProduct, anItem } from '../support/request-builders.js';

/** The value of one sample of the exposition text, e.g. `http_requests_total{method="GET",…}`. */
function sample(text: string, name: string, labels: Readonly<Record<string, string>>): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = new Map([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (wanted.every(([key, value]) => found.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

describe('operations: /metrics and security headers (real server on SQLite)', () => {
  let server: E2eServer;
  beforeAll(async () => {
    server = await E2eServer.start(sqliteFixture);
  });
  afterAll(() => server.close());

  it('counts requests and latencies per route template and status, never per raw URL, without a token', async () => {
    const { writer } = server.tenant();
    for (const id of [101, 202, 303]) await writer.get(`/v2/inventory/id/${id}`);
    await writer.get('/v2/no/such/route/4711');
    const response = await server.anonymous.get<string>('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/v2/inventory/id/:id', status: '404' })).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/v2/inventory/id/:id', status: '404' })).toBe(3);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/oauth2/token', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/\/v2\/inventory\/id\/(101|202|303)|4711/);
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('counts bulk items by result, for inventory and for product references', async () => {
    const { writer } = server.tenant();
    const before = await server.anonymous.get<string>('/metrics');
    const count = (text: string, target: string, result: string) => sample(text, 'inventory_bulk_items_total', { target, result }) ?? 0;
    await registerProducts(writer, aProduct(1), aProduct(2));
    const items = [anItem().forProduct(1).json(), anItem().forProduct(2).json(), anItem().forProduct(99).json(), anItem().forProduct(1).withQuantity(-1.5).json()];
    expect((await writer.post('/v2/inventory/bulk/id/local', { inventory: items })).status).toBe(200);
    const after = (await server.anonymous.get<string>('/metrics')).body;
    expect(count(after, 'inventory', 'success') - count(before.body, 'inventory', 'success')).toBe(2);
    expect(count(after, 'inventory', 'failure') - count(before.body, 'inventory', 'failure')).toBe(2);
    expect(count(after, 'products', 'success') - count(before.body, 'products', 'success')).toBe(2);
  });

  it('counts CSV rows as they are read, and the rows imported', async () => {
    const { writer } = server.tenant();
    await registerProducts(writer, aProduct(1));
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec((await server.anonymous.get<string>('/metrics')).body)?.[1] ?? 0);
    const [readBefore, importedBefore] = [await metric('inventory_csv_rows_read_total'), await metric('inventory_csv_rows_imported_total')];
    const csv = 'lookupKey,inventoryType,quantity,productId,warehouseId\nid,local,1,1,1\nid,local,2,1,2\nid,local,x,1,3\n';
    const response = await writer.post('/v2/inventory/import/csv', undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    expect((await metric('inventory_csv_rows_read_total')) - readBefore).toBe(3);
    expect((await metric('inventory_csv_rows_imported_total')) - importedBefore).toBe(2);
  });

  it('sends security headers on API answers, errors and documents, and no X-Powered-By', async () => {
    const { writer } = server.tenant();
    for (const path of ['/v2/inventory/id/1', '/v2/nothing', '/v2/docs', '/healthz', '/metrics']) {
      const { headers } = await writer.get(path);
      expect(headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('leaves the CSP off only the GraphiQL page (development only: it renders with inline scripts)', async () => {
    const page = await server.anonymous.get<string>('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script');
    expect(page.headers.get('content-security-policy')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
