import { describe, expect, it } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory } from '../../test/support/seed-inventory.js';
import { READ_A, WRITE_A, WRITE_B } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

const HOLD = 'id reference status expiresAt createdAt lines { productId warehouseId quantity }';

describe('hold operations', () => {
  it('when a hold is created, committed and read, the figures and Product.inventory show it', async () => {
    const { fetch, service } = createTestSubgraph();
    await seedInventory(service);
    const created = await postGraphql(fetch, {
      query: `mutation ($input: HoldCreateInput!) { holdCreate(input: $input) { ${HOLD} } }`,
      variables: { input: { reference: 'cart-1', expiresIn: 60, lines: [{ lookupKey: 'sku', key: 'WIDGET-1', quantity: 2 }] } },
      token: WRITE_A,
    });
    const hold = dataOf(created)['holdCreate'] as { id: string };
    expect(hold).toMatchObject({ reference: 'cart-1', status: 'active', expiresAt: '2025-03-10T12:01:00.000Z', lines: [{ productId: 1, warehouseId: null, quantity: 2 }] });
    const figures = await postGraphql(fetch, {
      query: '{ productInventory(lookupKey: id, key: "1") { totalQuantity heldQuantity availableQuantity } _entities(representations: [{ __typename: "Product", id: 1 }]) { ... on Product { inventory { heldQuantity availableQuantity } } } }',
      token: READ_A,
    });
    expect(dataOf(figures)).toEqual({ productInventory: { totalQuantity: 22, heldQuantity: 2, availableQuantity: 20 }, _entities: [{ inventory: { heldQuantity: 2, availableQuantity: 20 } }] });
    const listed = await postGraphql(fetch, { query: '{ holds(reference: "cart-1", status: active) { itemsFound items { id } } }', token: READ_A });
    expect(dataOf(listed)['holds']).toEqual({ itemsFound: 1, items: [{ id: hold.id }] });
    const committed = await postGraphql(fetch, { query: `mutation { holdCommit(id: "${hold.id}") { status } }`, token: WRITE_A });
    expect(dataOf(committed)['holdCommit']).toEqual({ status: 'committed' });
    const again = await postGraphql(fetch, { query: `mutation { holdRelease(id: "${hold.id}") { status } }`, token: WRITE_A });
    expect(firstError(again).extensions?.code).toBe('HOLD_NOT_ACTIVE');
  });

  it('when a hold does not fit, or its id is foreign, or the token cannot write, the codes say so', async () => {
    const { fetch, service } = createTestSubgraph();
    await seedInventory(service);
    const short = await postGraphql(fetch, { query: 'mutation { holdCreate(input: { reference: "big", lines: [{ lookupKey: id, key: "1", quantity: 1000 }] }) { id } }', token: WRITE_A });
    expect(firstError(short).extensions?.code).toBe('INSUFFICIENT_STOCK');
    expect(firstError(short).extensions?.details).toEqual([{ path: 'lines.0', message: 'requested 1000, available 22' }]);
    const own = dataOf(await postGraphql(fetch, { query: 'mutation { holdCreate(input: { reference: "a", lines: [{ lookupKey: id, key: "1", quantity: 1 }] }) { id } }', token: WRITE_A }))['holdCreate'] as { id: string };
    const foreign = await postGraphql(fetch, { query: `{ hold(id: "${own.id}") { id } }`, token: WRITE_B });
    expect(firstError(foreign).extensions?.code).toBe('HOLD_NOT_FOUND');
    const readOnly = await postGraphql(fetch, { query: `mutation { holdExtend(id: "${own.id}", expiresIn: 60) { id } }`, token: READ_A });
    expect(readOnly.status).toBe(403);
  });
});
