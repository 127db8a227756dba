import { describe, expect, it } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory } from '../../test/support/seed-inventory.js';
import { READ_A, WRITE_B } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

const AGGREGATE = 'productId totalQuantity totalReservedQuantity localQuantity localReservedQuantity supplierQuantity supplierReservedQuantity nextDeliveryDate';

async function seeded() {
  const test = createTestSubgraph();
  const { records } = await seedInventory(test.service);
  return { ...test, records };
}

describe('queries', () => {
  it('inventory(id) returns the record with cost price as a number and canonical dates', async () => {
    const { fetch, records } = await seeded();
    const response = await postGraphql(fetch, {
      query: 'query ($id: Int!) { inventory(id: $id) { id productId quantity costPrice supplier sku warehouseId location nextDeliveryDate createdAt lastModifiedAt } }',
      variables: { id: records[0]?.id },
      token: READ_A,
    });
    expect(dataOf(response)['inventory']).toEqual({
      id: records[0]?.id,
      productId: 1,
      quantity: 10,
      costPrice: 12345.67891,
      supplier: 'INTERN',
      sku: 'WIDGET-1',
      warehouseId: 1,
      location: 'A-1',
      nextDeliveryDate: '2025-04-01T00:00:00.000Z',
      createdAt: '2025-03-10T12:00:00.000Z',
      lastModifiedAt: '2025-03-10T12:00:00.000Z',
    });
  });

  it("another tenant's record id answers exactly like a missing one", async () => {
    const { fetch, records } = await seeded();
    const foreign = await postGraphql(fetch, { query: `{ inventory(id: ${records[0]?.id}) { id } }`, token: WRITE_B });
    const missing = await postGraphql(fetch, { query: '{ inventory(id: 999999) { id } }', token: WRITE_B });
    expect(foreign.status).toBe(404);
    expect(firstError(foreign).extensions?.code).toBe('INVENTORY_NOT_FOUND');
    expect({ ...foreign.body, errors: foreign.body.errors?.map((error) => ({ ...error, message: '' })) }).toEqual({
      ...missing.body,
      errors: missing.body.errors?.map((error) => ({ ...error, message: '' })),
    });
  });

  it('productInventory aggregates local, supplier and reserved stock of a product named by sku', async () => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: `{ productInventory(lookupKey: sku, key: "WIDGET-1") { ${AGGREGATE} } }`, token: READ_A });
    expect(dataOf(response)['productInventory']).toEqual({
      productId: 1,
      totalQuantity: 22,
      totalReservedQuantity: 3,
      localQuantity: 15,
      localReservedQuantity: 3,
      supplierQuantity: 7,
      supplierReservedQuantity: 0,
      nextDeliveryDate: '2025-03-20T06:00:00.000Z',
    });
  });

  it('productInventory by sourceId takes its source, by supplierCode its supplier, and scopes to a warehouse', async () => {
    const { fetch } = await seeded();
    const query = `{
      bySource: productInventory(lookupKey: sourceId, key: "E1", source: "erp", warehouseId: 2) { productId totalQuantity }
      bySupplier: productInventory(lookupKey: supplierCode, key: "AC-1", supplier: "ACME") { productId totalQuantity }
    }`;
    expect(dataOf(await postGraphql(fetch, { query, token: READ_A }))).toEqual({
      bySource: { productId: 1, totalQuantity: 5 },
      bySupplier: { productId: 1, totalQuantity: 22 },
    });
  });

  it('a sourceId lookup without its source is BAD_USER_INPUT naming the missing argument', async () => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: '{ productInventory(lookupKey: sourceId, key: "E1") { productId } }', token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).extensions).toEqual({ code: 'BAD_USER_INPUT', details: [{ path: 'source', message: 'is required with the sourceId lookup key' }] });
  });

  it('an unknown product is PRODUCT_NOT_FOUND with HTTP 404', async () => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: '{ productInventory(lookupKey: id, key: "77") { productId } }', token: READ_A });
    expect(response.status).toBe(404);
    expect(firstError(response)).toMatchObject({ path: ['productInventory'], extensions: { code: 'PRODUCT_NOT_FOUND' } });
  });

  it('balance lists the records only when selected, through fragments too', async () => {
    const { fetch, service } = await seeded();
    const calls: boolean[] = [];
    const original = service.getProductInventory.bind(service);
    service.getProductInventory = (tenant, query) => {
      calls.push(query.withBalance);
      return original(tenant, query);
    };
    const query = `fragment Stock on ProductInventory { balance { quantity costPrice } }
      { a: productInventory(lookupKey: id, key: "2") { ...Stock } b: productInventory(lookupKey: id, key: "2") { totalQuantity } }`;
    expect(dataOf(await postGraphql(fetch, { query, token: READ_A }))).toEqual({
      a: { balance: [{ quantity: 4, costPrice: 0.25 }] },
      b: { totalQuantity: 4 },
    });
    expect(calls).toEqual([true, false]);
  });

  it('inventorySearch pages products by id with the REST paging fields', async () => {
    const { fetch } = await seeded();
    const query = `{ inventorySearch(input: { warehouseId: 1, page: 2, offset: 1 }) { page offset itemsFound pages start end items { productId totalQuantity localReservedQuantity } } }`;
    expect(dataOf(await postGraphql(fetch, { query, token: READ_A }))['inventorySearch']).toEqual({
      page: 2,
      offset: 1,
      itemsFound: 2,
      pages: 2,
      start: 2,
      end: 2,
      items: [{ productId: 2, totalQuantity: 4, localReservedQuantity: 0 }],
    });
  });

  it('inventorySearch with productIds lists exactly those products, zeros where nothing matches', async () => {
    const { fetch } = await seeded();
    const query = `{ inventorySearch(input: { productIds: [3, 1], inventoryType: supplier }) { itemsFound items { productId supplierQuantity localQuantity nextDeliveryDate balance { supplier } } } }`;
    expect(dataOf(await postGraphql(fetch, { query, token: READ_A }))['inventorySearch']).toEqual({
      itemsFound: 2,
      items: [
        { productId: 1, supplierQuantity: 7, localQuantity: 0, nextDeliveryDate: '2025-03-20T06:00:00.000Z', balance: [{ supplier: 'ACME' }] },
        { productId: 3, supplierQuantity: 0, localQuantity: 0, nextDeliveryDate: null, balance: [] },
      ],
    });
  });

  it('a page past the last is empty with start and end 0', async () => {
    const { fetch } = await seeded();
    const query = '{ inventorySearch(input: { page: 9 }) { itemsFound start end items { productId } } }';
    expect(dataOf(await postGraphql(fetch, { query, token: READ_A }))['inventorySearch']).toEqual({ itemsFound: 2, start: 0, end: 0, items: [] });
  });

  it.each([
    ['page 0', '{ page: 0 }'],
    ['offset 0', '{ offset: 0 }'],
    ['offset 1001', '{ offset: 1001 }'],
  ])('invalid paging (%s) is BAD_USER_INPUT with HTTP 400', async (_name, input) => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: `{ inventorySearch(input: ${input}) { itemsFound } }`, token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a modifiedSince that is not ISO 8601 is rejected before the search runs', async () => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: '{ inventorySearch(input: { modifiedSince: "yesterday" }) { itemsFound } }', token: READ_A });
    expect(response.status).toBe(400);
    expect(firstError(response).message).toContain('ISO 8601');
  });
});
