import { describe, expect, it, vi } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory } from '../../test/support/seed-inventory.js';
import { READ_A, WRITE_B } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, TEST_LIMITS } from '../../test/support/test-subgraph.js';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id inventory { totalQuantity localReservedQuantity nextDeliveryDate } } }
}`;

const products = (ids: readonly number[]) => ids.map((id) => ({ __typename: 'Product', id }));

async function seeded() {
  const test = createTestSubgraph();
  await seedInventory(test.service);
  const aggregate = vi.spyOn(test.adapters.readModel, 'aggregate');
  const getProductsInventory = vi.spyOn(test.service, 'getProductsInventory');
  return { ...test, aggregate, getProductsInventory };
}

describe('Product entity', () => {
  it('resolves thousands of representations with one read-model query', async () => {
    const { fetch, aggregate, getProductsInventory } = await seeded();
    const ids = Array.from({ length: 3000 }, (_, index) => index + 1);
    const data = dataOf(await postGraphql(fetch, { query: ENTITIES, variables: { representations: products(ids) }, token: READ_A }));
    const entities = data['_entities'] as { id: number; inventory: { totalQuantity: number } }[];
    expect(entities).toHaveLength(3000);
    expect(entities.slice(0, 3)).toEqual([
      { id: 1, inventory: { totalQuantity: 22, localReservedQuantity: 3, nextDeliveryDate: '2025-03-20T06:00:00.000Z' } },
      { id: 2, inventory: { totalQuantity: 4, localReservedQuantity: 0, nextDeliveryDate: null } },
      { id: 3, inventory: { totalQuantity: 0, localReservedQuantity: 0, nextDeliveryDate: null } },
    ]);
    expect(getProductsInventory).toHaveBeenCalledOnce();
    expect(aggregate).toHaveBeenCalledOnce();
    expect(aggregate.mock.calls[0]?.[1]).toHaveLength(3000);
  });

  it('asks once per distinct warehouse and balance choice, and repeated ids once', async () => {
    const { fetch, getProductsInventory } = await seeded();
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Product { all: inventory { totalQuantity } w1: inventory(warehouseId: 1) { totalQuantity balance { quantity } } } }
    }`;
    const data = dataOf(await postGraphql(fetch, { query, variables: { representations: products([1, 2, 1]) }, token: READ_A }));
    expect(data['_entities']).toEqual([
      { all: { totalQuantity: 22 }, w1: { totalQuantity: 10, balance: [{ quantity: 10 }, { quantity: 3 }] } },
      { all: { totalQuantity: 4 }, w1: { totalQuantity: 4, balance: [{ quantity: 4 }] } },
      { all: { totalQuantity: 22 }, w1: { totalQuantity: 10, balance: [{ quantity: 10 }, { quantity: 3 }] } },
    ]);
    expect(getProductsInventory.mock.calls.map(([, ids, warehouseId, withBalance]) => [ids, warehouseId, withBalance])).toEqual([
      [[1, 2], undefined, false],
      [[1, 2], 1, true],
    ]);
  });

  it("reads only the token's tenant: another tenant's products answer zeros", async () => {
    const { fetch } = await seeded();
    const data = dataOf(await postGraphql(fetch, { query: ENTITIES, variables: { representations: products([1]) }, token: WRITE_B }));
    expect(data['_entities']).toEqual([{ id: 1, inventory: { totalQuantity: 0, localReservedQuantity: 0, nextDeliveryDate: null } }]);
  });

  it('more representations than maxEntities is BAD_USER_INPUT and reads nothing', async () => {
    const { fetch, aggregate } = await seeded();
    const ids = Array.from({ length: TEST_LIMITS.maxEntities + 1 }, (_, index) => index + 1);
    const response = await postGraphql(fetch, { query: ENTITIES, variables: { representations: products(ids) }, token: READ_A });
    expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'representations' }] });
    expect(aggregate).not.toHaveBeenCalled();
  });

  it('a representation of an unknown type or without an Int id fails alone, and the response stays 200 for the gateway', async () => {
    const { fetch } = await seeded();
    const representations = [{ __typename: 'Product', id: 2 }, { __typename: 'Warehouse', id: 1 }, { __typename: 'Product', id: '2' }];
    const response = await postGraphql(fetch, { query: ENTITIES, variables: { representations }, token: READ_A });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ _entities: [{ id: 2, inventory: { totalQuantity: 4, localReservedQuantity: 0, nextDeliveryDate: null } }, null, null] });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 2], 'BAD_USER_INPUT'],
    ]);
  });

  it('a negative warehouseId is BAD_USER_INPUT', async () => {
    const { fetch } = await seeded();
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { inventory(warehouseId: -1) { totalQuantity } } } }';
    const response = await postGraphql(fetch, { query, variables: { r: products([1]) }, token: READ_A });
    expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'warehouseId' }] });
  });
});
