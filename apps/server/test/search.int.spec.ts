import type { AggregateJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope, ApiClient } from './support/api-client.js';
import { registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

function search(api: ApiClient, body?: unknown, query = '') {
  return api.post<AnyEnvelope<AggregateJson[]>>(`/v2/inventory/search${query}`, body);
}

describeE2e('POST /v2/inventory/search', (server) => {
  /** Products 1…5, each with one local record of quantity 10 × id in warehouse id % 2. */
  async function fiveProducts(): Promise<ApiClient> {
    const { writer } = server().tenant();
    const ids = [1, 2, 3, 4, 5];
    await registerProducts(writer, ...ids.map((id) => aProduct(id)));
    await upsertAll(writer, 'id/local', ids.reverse().map((id) => anItem().forProduct(id).withQuantity(10 * id).inWarehouse(id % 2).json()));
    return writer;
  }

  it('pages products ordered by id with page, offset, itemsFound, pages, start and end', async () => {
    const api = await fiveProducts();
    const first = await search(api, {}, '?offset=2');
    expect(first.body).toMatchObject({ messages: ['Completed'], total: 2, page: 1, offset: 2, itemsFound: 5, pages: 3, start: 1, end: 2 });
    expect(first.body.data.map((aggregate) => aggregate.productId)).toEqual([1, 2]);
    const last = await search(api, { page: 3, offset: 2 });
    expect(last.body).toMatchObject({ total: 1, page: 3, offset: 2, itemsFound: 5, pages: 3, start: 5, end: 5 });
    expect(last.body.data.map((aggregate) => [aggregate.productId, aggregate.localQuantity])).toEqual([[5, 50]]);
  });

  it('answers a page past the last with 200, empty data and start = end = 0', async () => {
    const api = await fiveProducts();
    const response = await search(api, {}, '?page=4&offset=2');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [], messages: ['Completed'], total: 0, page: 4, offset: 2, itemsFound: 5, pages: 3, start: 0, end: 0 });
  });

  it('uses page 1 and 12 per page by default, with or without a body', async () => {
    const api = await fiveProducts();
    for (const response of [await search(api), await search(api, {})]) {
      expect(response.body).toMatchObject({ page: 1, offset: 12, itemsFound: 5, pages: 1, start: 1, end: 5, total: 5 });
    }
  });

  it('lets the query paging win over the body paging', async () => {
    const api = await fiveProducts();
    expect((await search(api, { page: 1, offset: 5 }, '?page=2&offset=1')).body).toMatchObject({ page: 2, offset: 1, start: 2, end: 2 });
  });

  it('rejects paging that is not an integer page ≥ 1 and size 1…1000 with 10015', async () => {
    const api = await fiveProducts();
    for (const query of ['?page=0', '?page=-1', '?page=x', '?page=1.5', '?offset=0', '?offset=1001', '?offset=ten']) {
      expectError(await search(api, {}, query), 'INVALID_PAGING');
    }
    expectError(await search(api, { page: '1', offset: true }), 'INVALID_PAGING');
    expect((await search(api, {}, '?offset=1000')).status).toBe(200);
  });

  it('lists exactly the given productIds, with zeros where nothing matches', async () => {
    const api = await fiveProducts();
    const data = expectData(await search(api, { productIds: [4, 2, 77, 4] }));
    expect(data.map((aggregate) => [aggregate.productId, aggregate.totalQuantity])).toEqual([
      [2, 20],
      [4, 40],
      [77, 0],
    ]);
  });

  it('aggregates only the records matching every filter, singular aliases included', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1).withSku('W-1').suppliedBy('ACME'), aProduct(2).withSku('G-2').suppliedBy('ZED'));
    await upsertAll(writer, 'id/local', [
      anItem().forProduct(1).withQuantity(1).inWarehouse(1).atLocation('A').json(),
      anItem().forProduct(1).withQuantity(2).inWarehouse(2).atLocation('B').json(),
      anItem().forProduct(1).withQuantity(4).inWarehouse(1).reservedFor(7).json(),
      anItem().forProduct(2).withQuantity(8).inWarehouse(2).json(),
    ]);
    await upsertAll(writer, 'id/supplier', [anItem().forProduct(1).withQuantity(16).inWarehouse(1).json(), anItem().forProduct(2).withQuantity(32).json()]);

    const quantities = async (body: object) =>
      expectData(await search(writer, body)).map((aggregate) => [aggregate.productId, aggregate.totalQuantity + aggregate.totalReservedQuantity]);
    expect(await quantities({ warehouseIds: [1] })).toEqual([[1, 21]]);
    expect(await quantities({ warehouseId: 2 })).toEqual([[1, 2], [2, 8]]);
    expect(await quantities({ warehouseIds: [0], warehouseId: 1 })).toEqual([[1, 21], [2, 32]]);
    expect(await quantities({ locations: ['A', 'B'] })).toEqual([[1, 3]]);
    expect(await quantities({ location: 'B' })).toEqual([[1, 2]]);
    expect(await quantities({ inventoryType: 'supplier' })).toEqual([[1, 16], [2, 32]]);
    expect(await quantities({ suppliers: ['INTERN'], companyIds: [7] })).toEqual([[1, 4]]);
    expect(await quantities({ skus: ['G-2'] })).toEqual([[2, 40]]);
    expect(await quantities({ suppliers: ['NOBODY'] })).toEqual([]);
  });

  it('filters by modifiedSince and puts only the matching records in balance', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1));
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).atLocation('old').json()]);
    server().clock.set('2025-06-20T00:00:00.000Z');
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(2).atLocation('new').json()]);
    server().clock.set('2025-06-15T10:00:00.000Z');

    const [aggregate] = expectData(await search(writer, { modifiedSince: '2025-06-19', expands: 'inventoryBalance' }));
    expect(aggregate?.localQuantity).toBe(2);
    expect(aggregate?.balance?.map((record) => record.location)).toEqual(['new']);
    const [withoutBalance] = expectData(await search(writer, { modifiedSince: '2025-06-19' }));
    expect(withoutBalance).not.toHaveProperty('balance');
    expect(expectData(await search(writer, {}, '?expands=inventoryBalance'))[0]?.balance).toHaveLength(2);
  });

  it('rejects unknown keys, wrong types, a wrong-case inventory type and bad dates', async () => {
    const api = await fiveProducts();
    expectError(await search(api, { productId: [1] }), 'VALIDATION_FAILED', ['productId']);
    expectError(await search(api, { productIds: [1, 'x'] }), 'VALIDATION_FAILED', ['productIds.1']);
    expectError(await search(api, { productIds: Array.from({ length: 1001 }, (_, index) => index + 1) }), 'VALIDATION_FAILED', ['productIds']);
    expectError(await search(api, { warehouseId: [1] }), 'VALIDATION_FAILED', ['warehouseId']);
    expectError(await search(api, { inventoryType: 'Local' }), 'INVALID_INVENTORY_TYPE');
    expectError(await search(api, { modifiedSince: 'yesterday' }), 'VALIDATION_FAILED', ['modifiedSince']);
    expectError(await search(api, {}, '?sort=asc'), 'VALIDATION_FAILED', ['sort']);
    expectError(await api.post('/v2/inventory/search', undefined, { raw: '{"productIds": [1,' }), 'INVALID_JSON');
  });

  it('shows only the caller’s tenant', async () => {
    await fiveProducts();
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(9));
    await upsertAll(writer, 'id/local', [anItem().forProduct(9).json()]);
    expect(expectData(await search(writer, {})).map((aggregate) => aggregate.productId)).toEqual([9]);
    expect(expectData(await search(writer, { productIds: [1] }))).toEqual([expect.objectContaining({ productId: 1, totalQuantity: 0 })]);
  });
});
