import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataOf, postGraphql } from '../../test/support/graphql-request.js';
import { PRODUCTS_SDL, startProductsSubgraph, type RunningSubgraph } from '../../test/support/products-subgraph.js';
import { seedInventory } from '../../test/support/seed-inventory.js';
import { serveSubgraph } from '../../test/support/serve-subgraph.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, type TestSubgraph } from '../../test/support/test-subgraph.js';

interface GatewayContext {
  readonly authorization?: string;
}

/** Forwards the client's bearer token to every subgraph. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization: unknown = (context as Partial<GatewayContext>).authorization;
    if (typeof authorization === 'string') request.http?.headers.set('authorization', authorization);
  }
}

describe('composition with a products subgraph under a real gateway', () => {
  let inventory: TestSubgraph;
  let inventoryServer: { url: string; close(): Promise<void> };
  let products: RunningSubgraph;
  let inventorySdl: string;
  let gateway: ApolloServer<GatewayContext>;

  beforeAll(async () => {
    inventory = createTestSubgraph();
    await seedInventory(inventory.service);
    inventoryServer = await serveSubgraph(inventory.subgraph);
    products = await startProductsSubgraph();
    const sdl = dataOf(await postGraphql(fetch, { url: inventoryServer.url, query: '{ _service { sdl } }', token: READ_A }));
    inventorySdl = (sdl['_service'] as { sdl: string }).sdl;
  });

  afterAll(async () => {
    await gateway.stop();
    await products.stop();
    await inventoryServer.close();
  });

  function compose() {
    return composeServices([
      { name: 'products', url: products.url, typeDefs: parse(PRODUCTS_SDL) },
      { name: 'inventory', url: inventoryServer.url, typeDefs: parse(inventorySdl) },
    ]);
  }

  it('composes with no errors and no hints', () => {
    const result = compose();
    expect(result.errors).toBeUndefined();
    if (result.errors !== undefined) return;
    expect(result.hints.map((hint) => hint.toString())).toEqual([]);
  });

  it('answers products with their inventory through the gateway, in one batched entity fetch, with the token forwarded', async () => {
    const { supergraphSdl } = compose();
    if (supergraphSdl === undefined) throw new Error('composition failed');
    gateway = new ApolloServer<GatewayContext>({
      gateway: new ApolloGateway({ supergraphSdl, buildService: ({ url }) => new ForwardingDataSource(url === undefined ? {} : { url }) }),
    });
    await gateway.start();
    const batches = vi.spyOn(inventory.service, 'getProductsInventory');

    const response = await gateway.executeOperation(
      { query: '{ products { id name inventory { totalQuantity localReservedQuantity nextDeliveryDate } } }' },
      { contextValue: { authorization: `Bearer ${READ_A}` } },
    );

    expect(response.body.kind === 'single' ? response.body.singleResult : undefined).toEqual({
      data: {
        products: [
          { id: 1, name: 'Widget', inventory: { totalQuantity: 22, localReservedQuantity: 3, nextDeliveryDate: '2025-03-20T06:00:00.000Z' } },
          { id: 2, name: 'Gadget', inventory: { totalQuantity: 4, localReservedQuantity: 0, nextDeliveryDate: null } },
          { id: 3, name: 'Gizmo', inventory: { totalQuantity: 0, localReservedQuantity: 0, nextDeliveryDate: null } },
        ],
      },
    });
    expect(batches).toHaveBeenCalledOnce();
    expect(inventory.authenticator.calls.at(-1)).toBe(`Bearer ${READ_A}`);
    expect(products.authorizations.at(-1)).toBe(`Bearer ${READ_A}`);
  });

  it('routes root inventory queries to this subgraph and surfaces a missing token as UNAUTHENTICATED', async () => {
    const query = '{ productInventory(lookupKey: sku, key: "WIDGET-1") { productId totalQuantity } }';
    const allowed = await gateway.executeOperation({ query }, { contextValue: { authorization: `Bearer ${READ_A}` } });
    expect(allowed.body.kind === 'single' ? allowed.body.singleResult.data : undefined).toEqual({ productInventory: { productId: 1, totalQuantity: 22 } });

    const refused = await gateway.executeOperation({ query }, { contextValue: {} });
    const errors = refused.body.kind === 'single' ? refused.body.singleResult.errors : undefined;
    expect(errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });
});
