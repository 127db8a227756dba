import { composeServices, validateSubgraph } from '@theguild/federation-composition';
import { buildSchema, GraphQLObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gatewayFetch } from '../../test/support/federation-gateway.js';
import { dataOf, postGraphql } from '../../test/support/graphql-request.js';
import { PRODUCTS_SDL, startProductsSubgraph, type RunningSubgraph } from '../../test/support/products-subgraph.js';
import { seedInventory } from '../../test/support/seed-inventory.js';
import { serveSubgraph } from '../../test/support/serve-subgraph.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, type TestSubgraph } from '../../test/support/test-subgraph.js';

describe('composition with a catalog subgraph under The Guild federation gateway', () => {
  let inventory: TestSubgraph;
  let inventoryServer: { url: string; close(): Promise<void> };
  let products: RunningSubgraph;
  let inventorySdl: string;

  beforeAll(async () => {
    inventory = createTestSubgraph();
    await seedInventory(inventory.service);
    inventoryServer = await serveSubgraph(inventory.subgraph);
    products = await startProductsSubgraph();
    const sdl = dataOf(await postGraphql(fetch, { url: inventoryServer.url, query: '{ _service { sdl } }', token: READ_A }));
    inventorySdl = (sdl['_service'] as { sdl: string }).sdl;
  });

  afterAll(async () => {
    await products.stop();
    await inventoryServer.close();
  });

  function compose(catalogSdl = PRODUCTS_SDL) {
    return composeServices([
      { name: 'products', url: products.url, typeDefs: parse(catalogSdl) },
      { name: 'inventory', url: inventoryServer.url, typeDefs: parse(inventorySdl) },
    ]);
  }

  function supergraph(): string {
    const { supergraphSdl, errors } = compose();
    if (supergraphSdl === undefined) throw new Error(`composition failed: ${errors.map((error) => error.message).join('; ')}`);
    return supergraphSdl;
  }

  it('the subgraph is valid on its own and composes with no errors', () => {
    expect(validateSubgraph({ name: 'inventory', typeDefs: parse(inventorySdl) }).map((error) => error.message)).toEqual([]);
    const result = compose();
    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    const product = result.publicSdl === undefined ? undefined : buildSchema(result.publicSdl).getType('Product');
    expect(product instanceof GraphQLObjectType ? Object.keys(product.getFields()).sort() : product).toEqual(['id', 'inventory', 'name']);
  });

  it('a catalog that keys Product by ID! does not compose with the Int! key', () => {
    const result = compose(PRODUCTS_SDL.replace('id: Int!', 'id: ID!'));
    expect(result.errors?.map((error) => error.message).join('\n')).toMatch(/"Product\.id" is incompatible across subgraphs: it has type "Int!" in subgraph "inventory" but type "ID!"/);
  });

  it('answers products with their inventory through the gateway, in one batched entity fetch, with the token forwarded', async () => {
    const gateway = gatewayFetch(supergraph());
    const batches = vi.spyOn(inventory.service, 'getProductsInventory');
    const reads = vi.spyOn(inventory.adapters.readModel, 'aggregate');
    const inventoryRequests = inventory.authenticator.calls.length;

    const response = await postGraphql(gateway, { query: '{ products { id name inventory { totalQuantity localReservedQuantity nextDeliveryDate } } }', token: READ_A });

    expect(response.body).toEqual({
      data: {
        products: [
          { id: 1, name: 'Widget', inventory: { totalQuantity: 22, localReservedQuantity: 3, nextDeliveryDate: '2025-03-20T06:00:00.000Z' } },
          { id: 2, name: 'Gadget', inventory: { totalQuantity: 4, localReservedQuantity: 0, nextDeliveryDate: null } },
          { id: 3, name: 'Gizmo', inventory: { totalQuantity: 0, localReservedQuantity: 0, nextDeliveryDate: null } },
        ],
      },
    });
    expect(inventory.authenticator.calls.slice(inventoryRequests)).toEqual([`Bearer ${READ_A}`]);
    expect(batches).toHaveBeenCalledOnce();
    expect(reads).toHaveBeenCalledOnce();
    expect(products.authorizations.at(-1)).toBe(`Bearer ${READ_A}`);
    batches.mockRestore();
    reads.mockRestore();
  });

  it('routes root inventory queries to this subgraph and surfaces a missing token as UNAUTHENTICATED', async () => {
    const gateway = gatewayFetch(supergraph());
    const query = '{ productInventory(lookupKey: sku, key: "WIDGET-1") { productId totalQuantity } }';
    const allowed = await postGraphql(gateway, { query, token: READ_A });
    expect(dataOf(allowed)).toEqual({ productInventory: { productId: 1, totalQuantity: 22 } });

    const refused = await postGraphql(gateway, { query });
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
