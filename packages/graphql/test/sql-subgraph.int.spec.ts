import type { SqlPersistence } from '@inventory/adapters-sql';
import { tenantId } from '@inventory/core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { dataOf, firstError, postGraphql } from './support/graphql-request.js';
import { seedInventory } from './support/seed-inventory.js';
import { describeEachDatabase } from './support/sql-databases.js';
import { tokenFor } from './support/static-token-authenticator.js';
import { createTestSubgraph, type TestSubgraph } from './support/test-subgraph.js';

describeEachDatabase('the subgraph', (database) => {
  let opened: Awaited<ReturnType<typeof database.open>>;
  let persistence: SqlPersistence;
  let test: TestSubgraph;
  let tenants = 0;

  beforeAll(async () => {
    opened = await database.open();
    persistence = opened.persistence;
    test = createTestSubgraph({ adapters: persistence });
  });
  afterAll(() => opened.cleanup());

  /** A fresh tenant with the standard seed, and a read-write token for it. */
  async function seededTenant() {
    tenants += 1;
    const name = `tenant-sql${tenants}`;
    const { records } = await seedInventory(test.service, tenantId(name));
    return { records, token: tokenFor(name, 'inventory:read', 'inventory:write') };
  }

  it('resolves 3000 entity representations with one read-model query', async () => {
    const { token } = await seededTenant();
    const aggregate = vi.spyOn(persistence.readModel, 'aggregate');
    const representations = Array.from({ length: 3000 }, (_, index) => ({ __typename: 'Product', id: index + 1 }));
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id inventory { totalQuantity nextDeliveryDate } } } }';
    const entities = dataOf(await postGraphql(test.fetch, { query, variables: { r: representations }, token }))['_entities'] as unknown[];
    expect(entities).toHaveLength(3000);
    expect(entities.slice(0, 3)).toEqual([
      { id: 1, inventory: { totalQuantity: 22, nextDeliveryDate: '2025-03-20T06:00:00.000Z' } },
      { id: 2, inventory: { totalQuantity: 4, nextDeliveryDate: null } },
      { id: 3, inventory: { totalQuantity: 0, nextDeliveryDate: null } },
    ]);
    expect(aggregate).toHaveBeenCalledOnce();
    aggregate.mockRestore();
  });

  it('returns cost prices exactly and dates canonically, balance included', async () => {
    const { token, records } = await seededTenant();
    const query = '{ productInventory(lookupKey: sku, key: "WIDGET-1", warehouseId: 1) { totalQuantity balance { id costPrice nextDeliveryDate notes } } }';
    expect(dataOf(await postGraphql(test.fetch, { query, token }))['productInventory']).toEqual({
      totalQuantity: 10,
      balance: [
        { id: records[0]?.id, costPrice: 12345.67891, nextDeliveryDate: '2025-04-01T00:00:00.000Z', notes: '' },
        { id: records[3]?.id, costPrice: 1.5, nextDeliveryDate: null, notes: "O'Brien; DROP TABLE inventory;--" },
      ],
    });
  });

  it('writes through the same use cases: create, conflict, update, bulk, delete', async () => {
    const { token, records } = await seededTenant();
    const create = 'mutation { inventoryCreate(input: { type: local, productId: 2, quantity: 3, warehouseId: 5, costPrice: 0.00001 }) { id costPrice } }';
    const created = dataOf(await postGraphql(test.fetch, { query: create, token }))['inventoryCreate'] as { id: number; costPrice: number };
    expect(created.costPrice).toBe(0.00001);
    expect((await postGraphql(test.fetch, { query: create, token })).status).toBe(409);

    const update = `mutation { inventoryUpdate(id: ${created.id}, input: { quantity: -4, notes: "oversold" }) { quantity notes } }`;
    expect(dataOf(await postGraphql(test.fetch, { query: update, token }))['inventoryUpdate']).toEqual({ quantity: -4, notes: 'oversold' });

    const bulk = `mutation { inventoryBulkUpsert(lookupKey: id, type: local, items: [{ productId: 2, quantity: 8, warehouseId: 5 }, { productId: 99, quantity: 1 }]) { items { success action id error { code } } } }`;
    expect(dataOf(await postGraphql(test.fetch, { query: bulk, token }))['inventoryBulkUpsert']).toEqual({
      items: [
        { success: true, action: 'update', id: created.id, error: null },
        { success: false, action: null, id: null, error: { code: 'PRODUCT_NOT_FOUND' } },
      ],
    });

    expect(dataOf(await postGraphql(test.fetch, { query: `mutation { inventoryDelete(id: ${created.id}) }`, token }))).toEqual({ inventoryDelete: true });
    const gone = await postGraphql(test.fetch, { query: `{ inventory(id: ${created.id}) { id } }`, token });
    expect(firstError(gone).extensions?.code).toBe('INVENTORY_NOT_FOUND');
    const neighbour = await postGraphql(test.fetch, { query: `{ inventory(id: ${records[4]?.id}) { quantity } }`, token });
    expect(dataOf(neighbour)).toEqual({ inventory: { quantity: 4 } });
  });

  it("never reaches another tenant's data", async () => {
    const { records } = await seededTenant();
    const { token: other } = await seededTenant();
    const response = await postGraphql(test.fetch, { query: `{ inventory(id: ${records[0]?.id}) { id } }`, token: other });
    expect(firstError(response).extensions?.code).toBe('INVENTORY_NOT_FOUND');
  });
});
