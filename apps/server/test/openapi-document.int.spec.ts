import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProducts, upsertAll } from './support/api-steps.js';
import { sqliteFixture } from './support/database-fixtures.js';
import { E2eServer } from './support/e2e-server.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

/** The lint rules the served document must pass (also what `redocly lint` reads by default). */
const LINT_CONFIG = fileURLToPath(new URL('../../../redocly.yaml', import.meta.url));

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly $ref?: string;
}
interface Operation {
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, { schema: JsonSchema }> };
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema?: JsonSchema }[];
  readonly responses: Record<string, unknown>;
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

// The document does not depend on the database: one SQLite server is enough.
describe('the OpenAPI document describes what runs', () => {
  let server: E2eServer;
  let source: string;
  let document: Document;
  beforeAll(async () => {
    server = await E2eServer.start(sqliteFixture);
    source = await (await fetch(`${server.url}/v2/openapi.json`)).text();
    document = JSON.parse(source) as Document;
  });
  afterAll(async () => {
    await server.close();
  });

  it('passes the OpenAPI lint (redocly.yaml) with no error and no warning', async () => {
    const config = await loadConfig({ configPath: LINT_CONFIG });
    const problems = await lintFromString({ source, absoluteRef: `${server.url}/v2/openapi.json`, config });
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '?'}`)).toEqual([]);
  });

  it('documents the id alias of bulk items, and the bulk route accepts exactly the documented item fields', async () => {
    const item = document.components.schemas['BulkInventoryItem'];
    expect(Object.keys(item?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'productId']));
    const { writer } = server.tenant();
    await registerProducts(writer, aProduct(1));
    const results = expectData(await writer.post<{ data: { success: boolean }[]; messages: string[]; total: number }>('/v2/inventory/bulk/id/local', { inventory: [{ id: 1, quantity: 2 }, { productId: 1, quantity: 3, colour: 'red' }] }));
    expect(results.map((result) => result.success)).toEqual([true, false]);
    const bulkBody = document.paths['/v2/inventory/bulk/{lookupKey}/{inventoryType}']?.['post']?.requestBody;
    expect(bulkBody?.required).toBe(true);
    expect(bulkBody?.content['application/json']?.schema.$ref).toBe('#/components/schemas/BulkInventoryRequest');
    expect(document.components.schemas['BulkInventoryRequest']?.properties?.['inventory']?.items?.$ref).toBe('#/components/schemas/BulkInventoryItem');
  });

  it('documents the search body as optional, as it runs', async () => {
    const search = document.paths['/v2/inventory/search']?.['post'];
    expect(search?.requestBody?.required).toBe(false);
    const { reader, writer } = server.tenant();
    await registerProducts(writer, aProduct(1));
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).json()]);
    expect(expectData(await reader.post('/v2/inventory/search'))).toHaveLength(1);
  });

  it('documents paging as integers, and a JSON string offset is refused like any non-integer', async () => {
    const search = document.paths['/v2/inventory/search']?.['post'];
    expect(search?.parameters?.filter((parameter) => parameter.in === 'query' && ['page', 'offset'].includes(parameter.name)).map((parameter) => parameter.schema?.type)).toEqual(['integer', 'integer']);
    const body = document.components.schemas['InventorySearch']?.properties;
    expect([body?.['page']?.type, body?.['offset']?.type]).toEqual(['integer', 'integer']);
    const { reader } = server.tenant();
    expectError(await reader.post('/v2/inventory/search', { offset: '5' }), 'INVALID_PAGING', ['offset']);
    expectError(await reader.post('/v2/inventory/search', { page: '2' }), 'INVALID_PAGING', ['page']);
    expect(expectData(await reader.post('/v2/inventory/search', { offset: 5 }))).toEqual([]);
    expect((await reader.post('/v2/inventory/search?offset=5&page=2')).body.offset).toBe(5);
  });

  it('documents 415 UnsupportedMediaType on every operation that reads a JSON body', () => {
    const withJsonBody = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody?.content['application/json'] !== undefined)
        .map(([method, operation]) => [`${method} ${path}`, operation.responses['415'] !== undefined] as const),
    );
    expect(withJsonBody.length).toBeGreaterThanOrEqual(6);
    expect(withJsonBody.filter(([, documented]) => !documented)).toEqual([]);
  });
});
