import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory, TENANT_A } from '../../test/support/seed-inventory.js';
import { pollWhile, serveWithHealth } from '../../test/support/serve-with-health.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, TEST_LIMITS } from '../../test/support/test-subgraph.js';

/** The server's default document limits: thirty aliases, ten thousand representations per call. */
const SERVER_LIMITS = { ...TEST_LIMITS, maxDepth: 10, maxAliases: 30, maxEntities: 10_000, bodyLimitBytes: 4 * 1024 * 1024 };
const MB = 1024 * 1024;

function served(limits = SERVER_LIMITS) {
  const test = createTestSubgraph({ limits });
  const reads = [vi.spyOn(test.service, 'getProductsInventory'), vi.spyOn(test.service, 'searchProductInventory'), vi.spyOn(test.service, 'getProductInventory')];
  return { ...test, resolverCalls: () => reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
}

const representations = (count: number) => Array.from({ length: count }, (_, index) => ({ __typename: 'Product', id: index + 1 }));
const aliased = (count: number, field: string) => Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ');

describe('list sizes in the cost of a document', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('thirty aliases of _entities over one variable of 10 000 representations are refused before any resolver runs, and /healthz stays responsive', async () => {
    const { subgraph, resolverCalls } = served();
    const server = await serveWithHealth(subgraph);
    closers.push(() => server.close());
    const query = `query ($r: [_Any!]!) { ${aliased(30, '_entities(representations: $r) { ... on Product { id inventory { totalQuantity localQuantity supplierQuantity nextDeliveryDate } } }')} }`;
    const rssBefore = process.memoryUsage().rss;

    const { result: response, longestPollMs } = await pollWhile(`${server.base}/healthz`, postGraphql(fetch, { url: `${server.base}/graphql`, query, variables: { r: representations(10_000) }, token: READ_A }));

    expect(response.status).toBe(400);
    expect(firstError(response).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(response).message).toMatch(/cost limit of 250000 result values exceeded, found 2100000 /i);
    expect(resolverCalls()).toBe(0);
    expect(longestPollMs).toBeLessThan(250);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * MB);
  });

  it('fifteen aliases of a 1000-item search page with balances are refused before any resolver runs', async () => {
    const { subgraph, resolverCalls } = served();
    const server = await serveWithHealth(subgraph);
    closers.push(() => server.close());
    const query = `{ ${aliased(15, 'inventorySearch(input: { offset: 1000 }) { items { productId totalQuantity balance { id quantity sku location notes } } }')} }`;

    const { result: response, longestPollMs } = await pollWhile(`${server.base}/healthz`, postGraphql(fetch, { url: `${server.base}/graphql`, query, token: READ_A }));

    expect(response.status).toBe(400);
    expect(firstError(response).message).toMatch(/cost limit/i);
    expect(resolverCalls()).toBe(0);
    expect(longestPollMs).toBeLessThan(250);
  });

  it('the page size counts: the same aliases over 12-item pages, and one 10 000-representation call, still run', async () => {
    const { fetch: subgraphFetch, service } = served();
    await seedInventory(service);
    const pages = `{ ${aliased(15, 'inventorySearch(input: {}) { items { productId totalQuantity balance { id quantity sku location notes } } }')} }`;
    expect(Object.keys(dataOf(await postGraphql(subgraphFetch, { query: pages, token: READ_A })))).toHaveLength(15);

    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id inventory { totalQuantity } } } }';
    const entities = dataOf(await postGraphql(subgraphFetch, { query, variables: { r: representations(10_000) }, token: READ_A }))['_entities'] as unknown[];
    expect(entities).toHaveLength(10_000);
  });

  it('balances longer than assumed are counted as they are read: the response budget stops the request', async () => {
    const { fetch: subgraphFetch, service } = served({ ...SERVER_LIMITS, maxResultValues: 2000 });
    await service.putProducts(TENANT_A, [{ id: 1, sku: 'BIG' }]);
    for (let warehouse = 1; warehouse <= 300; warehouse += 1) {
      await service.createInventory(TENANT_A, { lookup: { kind: 'id', key: '1', qualifier: '' }, type: 'local', fields: { quantity: 1, warehouseId: warehouse } });
    }
    const narrow = await postGraphql(subgraphFetch, { query: '{ productInventory(lookupKey: id, key: "1") { totalQuantity balance { id } } }', token: READ_A });
    expect(dataOf(narrow)['productInventory']).toMatchObject({ totalQuantity: 300 });

    const wide = await postGraphql(subgraphFetch, { query: '{ productInventory(lookupKey: id, key: "1") { totalQuantity balance { id quantity sku location notes supplier costPrice warehouseId } } }', token: READ_A });
    expect(wide.body.data).toBeNull();
    expect(firstError(wide).extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });
});
