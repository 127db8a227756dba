import { expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { balanceOf, registerProducts } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

/** Every authenticated endpoint with a body that would be valid, and the scope it needs. */
const ENDPOINTS = [
  { method: 'GET', path: '/v2/products/id/1/inventory', scope: 'inventory:read' },
  { method: 'GET', path: '/v2/products/id/1/inventory/warehouses/1', scope: 'inventory:read' },
  { method: 'POST', path: '/v2/inventory/search', body: {}, scope: 'inventory:read' },
  { method: 'GET', path: '/v2/inventory/id/1', scope: 'inventory:read' },
  { method: 'GET', path: '/v2/products/id/1', scope: 'inventory:read' },
  { method: 'PATCH', path: '/v2/inventory/id/1', body: { quantity: 1 }, scope: 'inventory:write' },
  { method: 'DELETE', path: '/v2/inventory/id/1', scope: 'inventory:write' },
  { method: 'POST', path: '/v2/inventory/bulk/id/local', body: { inventory: [anItem().forProduct(1).json()] }, scope: 'inventory:write' },
  { method: 'POST', path: '/v2/products/id/1/inventory/local', body: anItem().json(), scope: 'inventory:write' },
  { method: 'PUT', path: '/v2/products/id/1', body: {}, scope: 'inventory:write' },
  { method: 'POST', path: '/v2/products/bulk', body: { products: [aProduct(1).json()] }, scope: 'inventory:write' },
  { method: 'DELETE', path: '/v2/products/id/1', scope: 'inventory:write' },
] as const;

function call(api: ApiClient, endpoint: (typeof ENDPOINTS)[number]) {
  return api.send(endpoint.method, endpoint.path, 'body' in endpoint ? endpoint.body : undefined);
}

describeE2e('HTTP transport: authentication, envelopes and documents', (server) => {
  it('answers 401 with a bare Bearer challenge on every endpoint when no token is sent', async () => {
    for (const endpoint of ENDPOINTS) {
      const response = await call(server().anonymous, endpoint);
      expectError(response, 'UNAUTHORIZED');
      expect(response.headers.get('www-authenticate'), endpoint.path).toBe('Bearer realm="inventory"');
    }
  });

  it('answers 401 invalid_token for an unknown token or an empty bearer', async () => {
    for (const header of ['Bearer not-a-token', 'Bearer', 'bearer  ']) {
      const response = await server().anonymous.get('/v2/inventory/id/1', { headers: { authorization: header } });
      expectError(response, 'UNAUTHORIZED');
      expect(response.headers.get('www-authenticate'), header).toBe('Bearer realm="inventory", error="invalid_token"');
    }
  });

  it('answers 401 with a bare Bearer challenge for another scheme, which carries no bearer credentials (RFC 6750 §3.1)', async () => {
    const response = await server().anonymous.get('/v2/inventory/id/1', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expectError(response, 'UNAUTHORIZED');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory"');
  });

  it('answers 403 naming the missing scope, and writes nothing', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    for (const endpoint of ENDPOINTS) {
      const client = endpoint.scope === 'inventory:write' ? tenant.reader : tenant.writeOnly;
      const response = await call(client, endpoint);
      expectError(response, 'FORBIDDEN');
      expect(response.headers.get('www-authenticate'), endpoint.path).toBe(`Bearer realm="inventory", error="insufficient_scope", scope="${endpoint.scope}"`);
    }
    expect(await balanceOf(tenant.reader, 1)).toEqual([]);
  });

  it('answers 400 10005 for malformed JSON and 415 10415 for a body that is not JSON', async () => {
    const { writer } = server().tenant();
    for (const raw of ['{"inventory": [', '{inventory: []}', "{'a': 1}", '']) {
      const response = await writer.post('/v2/inventory/bulk/id/local', undefined, { raw: raw === '' ? '{"a":1,}' : raw });
      expectError(response, 'INVALID_JSON');
    }
    const asText = await writer.post('/v2/inventory/bulk/id/local', undefined, { raw: '{"inventory": []}', headers: { 'content-type': 'text/plain' } });
    expectError(asText, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 10008 in the envelope for unknown routes and methods', async () => {
    const { writer } = server().tenant();
    for (const [method, path] of [
      ['GET', '/v2/nothing'],
      ['GET', '/v3/inventory/id/1'],
      ['PUT', '/v2/inventory/id/1'],
      ['POST', '/v2/products/sku/W-1'],
      ['GET', '/'],
    ] as const) {
      const response = await writer.send(method, path);
      expectError(response, 'ROUTE_NOT_FOUND');
    }
  });

  it('serves the OpenAPI 3.1 document of every endpoint without a token', async () => {
    const response = await server().anonymous.get<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>('/v2/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    for (const endpoint of ENDPOINTS) {
      const template = endpoint.path
        .replace('/v2/products/id/1/inventory/local', '/v2/products/{lookupKey}/{key}/inventory/{inventoryType}')
        .replace('/v2/inventory/bulk/id/local', '/v2/inventory/bulk/{lookupKey}/{inventoryType}')
        .replace('/v2/products/id/1/inventory/warehouses/1', '/v2/products/{lookupKey}/{key}/inventory/warehouses/{warehouseId}')
        .replace('/v2/products/id/1/inventory', '/v2/products/{lookupKey}/{key}/inventory')
        .replace('/v2/inventory/id/1', '/v2/inventory/id/{id}')
        .replace(/\/v2\/products\/id\/1$/, endpoint.method === 'GET' ? '/v2/products/{lookupKey}/{key}' : '/v2/products/id/{id}');
      expect(response.body.paths[template]?.[endpoint.method.toLowerCase()], `${endpoint.method} ${template}`).toBeDefined();
    }
    expect(Object.keys(response.body.components.schemas)).toEqual(expect.arrayContaining(['Inventory', 'ProductInventory', 'BulkInventoryItem', 'InventorySearch', 'Error']));
  });

  it('serves the docs page and its assets from the npm package without a token', async () => {
    const page = await server().anonymous.get<string>('/v2/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.every((asset) => asset.startsWith('/v2/docs/'))).toBe(true);
    for (const asset of assets) expect((await fetch(server().url + asset)).status, asset).toBe(200);
    const initializer = await server().anonymous.get<string>('/v2/docs/initializer.js');
    expect(initializer.body).toContain('"/v2/openapi.json"');
    expect((await server().anonymous.get('/v2/docs/package.json')).status).toBe(404);
  });

  it('answers health and readiness without a token', async () => {
    expect((await server().anonymous.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await server().anonymous.get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await server().anonymous.get('/healthz', { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const replaced = await server().anonymous.get('/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await server().anonymous.get('/v2/inventory/id/1')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describeE2e(
  'HTTP transport: body size limit',
  (server) => {
    const oversized = () => ({ inventory: Array.from({ length: 100 }, (_, index) => anItem().forProduct(1).atLocation(`L-${index}`).withNotes('n'.repeat(40)).json()) });

    it('answers 413 10021 in the envelope for a declared body over BODY_LIMIT, and writes nothing', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1));
      expect(JSON.stringify(oversized()).length).toBeGreaterThan(4096);
      expectError(await writer.post('/v2/inventory/bulk/id/local', oversized()), 'PAYLOAD_TOO_LARGE');
      expect(await balanceOf(writer, 1)).toEqual([]);
    });

    it('stops a streamed (chunked) body at the limit with 413 and keeps serving', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1));
      const chunk = new TextEncoder().encode(`{"inventory": [${'{"productId": 1, "quantity": 1},'.repeat(40)}`);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.length;
          if (sent > 1_000_000) controller.close();
          else controller.enqueue(chunk);
        },
      });
      expectError(await writer.post('/v2/inventory/bulk/id/local', undefined, { raw: stream }), 'PAYLOAD_TOO_LARGE');
      expect(await balanceOf(writer, 1)).toEqual([]);
      expect((await writer.post('/v2/inventory/bulk/id/local', { inventory: [anItem().forProduct(1).json()] })).status).toBe(200);
    });
  },
  { env: { BODY_LIMIT: '4096' } },
);
