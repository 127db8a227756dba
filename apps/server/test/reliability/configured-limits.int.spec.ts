import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { sqliteFixture } from '../support/database-fixtures.js';
import { E2eServer, type TenantClients } from '../support/e2e-server.js';
import { expectError } from '../support/expectations.js';

interface GraphqlBody {
  readonly data?: unknown;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/** Four levels deep: _entities, inventory, balance, id. */
const FOUR_LEVELS = '{ _entities(representations: [{ __typename: "Product", id: 1 }]) { ... on Product { inventory { balance { id } } } } }';
const SHALLOW = '{ productInventory(lookupKey: id, key: "1") { totalQuantity } }';

function graphql(api: ApiClient, query: string): Promise<ApiResponse<GraphqlBody>> {
  return api.post<GraphqlBody>('/graphql', { query }, { headers: { accept: 'application/graphql-response+json' } });
}

function expectRefused(response: ApiResponse<GraphqlBody>, about: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(response.body.errors?.[0]?.message).toMatch(about);
}

/** A fresh tenant with product 1 registered, so a query that runs answers 200. */
async function tenantWithProduct(server: E2eServer): Promise<TenantClients> {
  const tenant = server.tenant();
  expect((await tenant.writer.put('/v2/products/id/1', { sku: 'W-1' })).status).toBe(201);
  return tenant;
}

/** Starts a real server on SQLite with these limits, for one describe block. */
function serverWith(env: Record<string, string>): () => E2eServer {
  let server: E2eServer | undefined;
  beforeAll(async () => {
    server = await E2eServer.start(sqliteFixture, { env });
  });
  afterAll(() => server?.close());
  return () => {
    if (server === undefined) throw new Error('the server did not start');
    return server;
  };
}

describe('limits set from the environment answer in the envelope (real server on SQLite)', () => {
  describe('SEARCH_MAX_PAGE_SIZE=50, GRAPHQL_MAX_DEPTH=3, GRAPHQL_MAX_ALIASES=2', () => {
    const server = serverWith({ SEARCH_MAX_PAGE_SIZE: '50', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '2' });

    it('a search page over SEARCH_MAX_PAGE_SIZE is 400 PaginatedResponseException naming offset; the maximum itself is served', async () => {
      const { reader } = server().tenant();
      expectError(await reader.post('/v2/inventory/search?offset=51', {}), 'INVALID_PAGING', ['offset']);
      expectError(await reader.post('/v2/inventory/search', { offset: 1000 }), 'INVALID_PAGING', ['offset']);
      expect((await reader.post('/v2/inventory/search?offset=50', {})).status).toBe(200);
    });

    it('a GraphQL document deeper than GRAPHQL_MAX_DEPTH is refused before it runs; a shallow one is served', async () => {
      const { reader } = await tenantWithProduct(server());
      expectRefused(await graphql(reader, FOUR_LEVELS), /depth/i);
      expect((await graphql(reader, SHALLOW)).status).toBe(200);
    });

    it('more aliases than GRAPHQL_MAX_ALIASES are refused before they run', async () => {
      const { reader } = await tenantWithProduct(server());
      const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: productInventory(lookupKey: id, key: "1") { totalQuantity }`).join(' ')} }`;
      expectRefused(await graphql(reader, aliases(3)), /alias/i);
      expect((await graphql(reader, aliases(2))).status).toBe(200);
    });
  });

  describe('GRAPHQL_MAX_COST=5', () => {
    const server = serverWith({ GRAPHQL_MAX_COST: '5' });

    it('a GraphQL document costlier than GRAPHQL_MAX_COST is refused before it runs', async () => {
      const { reader } = await tenantWithProduct(server());
      expectRefused(await graphql(reader, FOUR_LEVELS), /cost/i);
      expect((await graphql(reader, SHALLOW)).status).toBe(200);
    });
  });
});
