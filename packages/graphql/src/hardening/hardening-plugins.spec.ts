import { describe, expect, it, vi } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { postMultipartCsv } from '../../test/support/multipart-csv.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, TEST_LIMITS } from '../../test/support/test-subgraph.js';

/** A subgraph whose read paths are spies, to prove a rejected document ran no resolver. */
function guardedSubgraph(production = false, limits = TEST_LIMITS) {
  const test = createTestSubgraph({ production, limits, importCsv: vi.fn() });
  const reads = [vi.spyOn(test.service, 'getProductInventory'), vi.spyOn(test.service, 'getProductsInventory'), vi.spyOn(test.service, 'searchProductInventory')];
  return { ...test, resolverCalls: () => reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
}

/** Four levels deep: _entities, inventory, balance, id. */
const FOUR_LEVELS = '{ _entities(representations: [{ __typename: "Product", id: 1 }]) { ... on Product { inventory { balance { id } } } } }';

describe('document limits', () => {
  it('a document deeper than maxDepth is rejected before any resolver runs', async () => {
    const allowed = guardedSubgraph();
    expect((await postGraphql(allowed.fetch, { query: FOUR_LEVELS, token: READ_A })).status).toBe(200);
    const { fetch, resolverCalls } = guardedSubgraph(false, { ...TEST_LIMITS, maxDepth: 3 });
    const response = await postGraphql(fetch, { query: FOUR_LEVELS, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/depth/i);
    expect(resolverCalls()).toBe(0);
  });

  it('more aliases than maxAliases are rejected before any resolver runs', async () => {
    const { fetch, resolverCalls } = guardedSubgraph();
    const aliases = Array.from({ length: TEST_LIMITS.maxAliases + 1 }, (_, index) => `a${index}: productInventory(lookupKey: id, key: "1") { totalQuantity }`);
    const response = await postGraphql(fetch, { query: `{ ${aliases.join(' ')} }`, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/alias/i);
    expect(resolverCalls()).toBe(0);
  });

  it('a document over maxCost is rejected before any resolver runs', async () => {
    const allowed = guardedSubgraph();
    expect((await postGraphql(allowed.fetch, { query: FOUR_LEVELS, token: READ_A })).status).toBe(200);
    const { fetch, resolverCalls } = guardedSubgraph(false, { ...TEST_LIMITS, maxCost: 5 });
    const response = await postGraphql(fetch, { query: FOUR_LEVELS, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/cost/i);
    expect(resolverCalls()).toBe(0);
  });

  it('a document with too many tokens is rejected while parsing', async () => {
    const { fetch, resolverCalls } = guardedSubgraph();
    const response = await postGraphql(fetch, { query: `{ inventorySearch(input: { productIds: [${'1,'.repeat(2500)}] }) { itemsFound } }`, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/token/i);
    expect(resolverCalls()).toBe(0);
  });

  it('a body over the size limit is refused with HTTP 413', async () => {
    const { fetch, resolverCalls } = guardedSubgraph();
    const response = await postGraphql(fetch, { query: `{ __typename }`, variables: { padding: 'x'.repeat(TEST_LIMITS.bodyLimitBytes) }, token: READ_A });
    expect(response.status).toBe(413);
    expect(resolverCalls()).toBe(0);
  });
});

describe('CSRF prevention', () => {
  it('a multipart request without a preflight header is refused with 403 and the importer never runs', async () => {
    const test = createTestSubgraph({ importCsv: vi.fn() });
    const response = await postMultipartCsv(test.fetch, 'sku\n', {});
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).toContain('CSRF');
  });

  it.each(['x-graphql-csrf', 'apollo-require-preflight'])('a multipart request with %s goes through', async (header) => {
    const importCsv = vi.fn().mockResolvedValue({ importedCount: 0, createdCount: 0, updatedCount: 0, errors: [] });
    const test = createTestSubgraph({ importCsv });
    const response = await postMultipartCsv(test.fetch, 'sku\n', { [header]: '1' });
    expect(response.status).toBe(200);
    expect(importCsv).toHaveBeenCalledOnce();
  });
});

describe('development and production modes', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('in development, introspection works and GraphiQL is served from the npm package, with no CDN', async () => {
    const { fetch } = guardedSubgraph(false);
    expect(dataOf(await postGraphql(fetch, { query: introspection, token: READ_A }))).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await fetch('http://localhost/graphql', { method: 'GET', headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Inventory GraphQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//i);
    expect(html).not.toContain('unpkg.com');
  });

  it('in production, introspection is refused and no GraphiQL page is served', async () => {
    const { fetch } = guardedSubgraph(true);
    const response = await postGraphql(fetch, { query: introspection, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/introspection/i);
    const page = await fetch('http://localhost/graphql', { method: 'GET', headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('<html');
  });

  it('in production, _service { sdl } still answers so a gateway can compose', async () => {
    const { fetch } = guardedSubgraph(true);
    const data = dataOf(await postGraphql(fetch, { query: '{ _service { sdl } }', token: READ_A }));
    expect((data['_service'] as { sdl: string }).sdl).toContain('type Product @key(fields: "id")');
  });

  it('in production, field suggestions do not leak the schema', async () => {
    const { fetch } = guardedSubgraph(true);
    const response = await postGraphql(fetch, { query: '{ inventor(id: 1) { id } }', token: READ_A });
    expect(firstError(response).message).not.toMatch(/did you mean/i);
  });
});
