import { tenantId } from '@inventory/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataOf, firstError } from './support/graphql-request.js';
import { startParityApp, type ParityApp, type RestResponse } from './support/parity-app.js';
import { seedInventory } from './support/seed-inventory.js';
import { describeEachDatabase } from './support/sql-databases.js';
import { tokenFor } from './support/static-token-authenticator.js';

const RECORD = 'id productId quantity supplier supplierCode sku warehouseId companyId location costPrice notes nextDeliveryDate createdAt lastModifiedAt version';
const AGGREGATE = `productId totalQuantity totalReservedQuantity localQuantity localReservedQuantity supplierQuantity supplierReservedQuantity nextDeliveryDate heldQuantity availableQuantity`;

/** REST's `data`, which must be there. */
function restData(response: RestResponse): unknown {
  if (response.status >= 300) throw new Error(`REST failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data;
}

/** Records of two tenants compare equal once their server-assigned ids are set aside. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, withoutIds(inner)]));
}

describeEachDatabase('REST and GraphQL answer the same', (database) => {
  let opened: Awaited<ReturnType<typeof database.open>>;
  let app: ParityApp;
  let tenants = 0;

  beforeAll(async () => {
    opened = await database.open();
    app = await startParityApp(opened.persistence);
  });
  afterAll(async () => {
    await app.close();
    await opened.cleanup();
  });

  async function seededTenant(scopes = ['inventory:read', 'inventory:write']) {
    tenants += 1;
    const name = `tenant-parity${tenants}`;
    const { records } = await seedInventory(app.test.service, tenantId(name));
    return { records, token: tokenFor(name, ...scopes) };
  }

  it('one record by id', async () => {
    const { token, records } = await seededTenant();
    const id = records[0]?.id ?? 0;
    const rest = restData(await app.rest('GET', `/v2/inventory/id/${id}`, token));
    const graphql = dataOf(await app.graphql(`{ inventory(id: ${id}) { ${RECORD} } }`, token))['inventory'];
    expect(graphql).toEqual(rest);
  });

  it.each([
    ['by sku with balance', '/v2/products/sku/WIDGET-1/inventory?expands=inventoryBalance', `productInventory(lookupKey: sku, key: "WIDGET-1") { ${AGGREGATE} balance { ${RECORD} } }`],
    ['by sourceId in one warehouse', '/v2/products/sourceId/E1/inventory/warehouses/1?source=erp', `productInventory(lookupKey: sourceId, key: "E1", source: "erp", warehouseId: 1) { ${AGGREGATE} }`],
    ['by supplierCode', '/v2/products/supplierCode/AC-1/inventory?supplier=ACME', `productInventory(lookupKey: supplierCode, key: "AC-1", supplier: "ACME") { ${AGGREGATE} }`],
  ])('one product aggregate %s', async (_name, path, field) => {
    const { token } = await seededTenant();
    const rest = restData(await app.rest('GET', path, token)) as unknown[];
    const graphql = dataOf(await app.graphql(`{ ${field} }`, token))['productInventory'];
    expect(rest).toEqual([graphql]);
  });

  it.each([
    ['warehouse filter, second page', { warehouseIds: [1] }, { page: 2, offset: 1 }, '{ warehouseIds: [1], page: 2, offset: 1 }'],
    ['productIds and type', { productIds: [3, 1], inventoryType: 'supplier' }, {}, '{ productIds: [3, 1], inventoryType: supplier }'],
    ['skus and companies', { skus: ['WIDGET-1'], companyIds: [9] }, {}, '{ skus: ["WIDGET-1"], companyIds: [9] }'],
  ])('a search: %s', async (_name, filters, paging, input) => {
    const { token } = await seededTenant();
    const rest = await app.rest('POST', `/v2/inventory/search?expands=inventoryBalance&${new URLSearchParams(Object.entries(paging).map(([k, v]) => [k, String(v)])).toString()}`, token, filters);
    const graphql = dataOf(await app.graphql(`{ inventorySearch(input: ${input}) { page offset itemsFound pages start end items { ${AGGREGATE} balance { ${RECORD} } } } }`, token))['inventorySearch'] as Record<string, unknown>;
    const { items, ...paging2 } = graphql;
    expect(items).toEqual(restData(rest));
    expect(paging2).toEqual({ page: rest.body['page'], offset: rest.body['offset'], itemsFound: rest.body['itemsFound'], pages: rest.body['pages'], start: rest.body['start'], end: rest.body['end'] });
  });

  it('the same writes give the same records: create, update, bulk, delete', async () => {
    const viaRest = await seededTenant();
    const viaGraphql = await seededTenant();
    app.test.clock.advance(1000);

    const restCreated = restData(await app.rest('POST', '/v2/products/id/2/inventory/supplier', viaRest.token, { quantity: 6, supplier: 'BOLT', costPrice: 0.1, nextDeliveryDate: '2025-05-01' }));
    const graphqlCreated = dataOf(await app.graphql(`mutation { inventoryCreate(input: { type: supplier, productId: 2, quantity: 6, supplier: "BOLT", costPrice: 0.1, nextDeliveryDate: "2025-05-01" }) { ${RECORD} } }`, viaGraphql.token))['inventoryCreate'];
    expect(withoutIds(graphqlCreated)).toEqual(withoutIds(restCreated));

    const patch = { quantity: 0, nextDeliveryDate: null, notes: 'counted' };
    const restUpdated = restData(await app.rest('PATCH', `/v2/inventory/id/${viaRest.records[0]?.id}`, viaRest.token, patch));
    const graphqlUpdated = dataOf(await app.graphql(`mutation ($input: UpdateInventoryInput!) { inventoryUpdate(id: ${viaGraphql.records[0]?.id}, input: $input) { ${RECORD} } }`, viaGraphql.token, { input: patch }))['inventoryUpdate'];
    expect(withoutIds(graphqlUpdated)).toEqual(withoutIds(restUpdated));

    const items = [{ sku: 'GADGET-2', quantity: 5, warehouseId: 1 }, { sku: 'NOPE', quantity: 1 }, { sku: 'WIDGET-1', quantity: 2, location: 'x'.repeat(36) }, { quantity: 1 }, { sku: 'GADGET-2', quantity: 1, warehouseId: 8 }];
    const restBulk = restData(await app.rest('POST', '/v2/inventory/bulk/sku/local', viaRest.token, { inventory: items })) as Record<string, unknown>[];
    const graphqlBulk = await app.graphql(
      'mutation ($items: [BulkInventoryItemInput!]!) { inventoryBulkUpsert(lookupKey: sku, type: local, items: $items) { items { index success action changed lookupKey key error { type messages details { path } } } } }',
      viaGraphql.token,
      { items },
    );
    // Detail paths must match; their wording may not (REST words length limits with zod's messages).
    const comparable = restBulk.map(({ id: _id, error, ...rest }) => ({
      action: null,
      changed: null,
      error: error === undefined ? null : { type: (error as { type: string }).type, messages: (error as { messages: string[] }).messages, details: ((error as { details?: { path: string }[] }).details ?? []).map(({ path }) => ({ path })) },
      ...rest,
    }));
    expect((dataOf(graphqlBulk)['inventoryBulkUpsert'] as { items: unknown[] }).items).toEqual(comparable);

    const restDeleted = restData(await app.rest('DELETE', `/v2/inventory/id/${viaRest.records[1]?.id}`, viaRest.token));
    expect(restDeleted).toEqual({ id: viaRest.records[1]?.id });
    expect(dataOf(await app.graphql(`mutation { inventoryDelete(id: ${viaGraphql.records[1]?.id}) }`, viaGraphql.token))).toEqual({ inventoryDelete: true });

    const search = (token: string) => app.rest('POST', '/v2/inventory/search?expands=inventoryBalance&offset=100', token, {});
    expect(withoutIds(restData(await search(viaGraphql.token)))).toEqual(withoutIds(restData(await search(viaRest.token))));
  });

  it.each([
    ['an unknown record', 'GET', '/v2/inventory/id/987654', undefined, '{ inventory(id: 987654) { id } }', 'INVENTORY_NOT_FOUND'],
    ['an unknown product', 'GET', '/v2/products/id/77/inventory', undefined, '{ productInventory(lookupKey: id, key: "77") { productId } }', 'PRODUCT_NOT_FOUND'],
    ['invalid paging', 'POST', '/v2/inventory/search?page=0', {}, '{ inventorySearch(input: { page: 0 }) { itemsFound } }', 'BAD_USER_INPUT'],
    ['a taken identity key', 'POST', '/v2/products/id/1/inventory/local', { quantity: 1, warehouseId: 2 }, 'mutation { inventoryCreate(input: { type: local, productId: 1, quantity: 1, warehouseId: 2 }) { id } }', 'INVENTORY_ALREADY_EXISTS'],
    ['a value breaking a core rule', 'POST', '/v2/products/id/1/inventory/local', { quantity: 1, location: 'x'.repeat(36) }, `mutation { inventoryCreate(input: { type: local, productId: 1, quantity: 1, location: "${'x'.repeat(36)}" }) { id } }`, 'BAD_USER_INPUT'],
  ])('%s fails with the same HTTP status', async (_name, method, path, body, query, code) => {
    const { token } = await seededTenant();
    const rest = await app.rest(method, path, token, body);
    const graphql = await app.graphql(query, token);
    expect(graphql.status).toBe(rest.status);
    expect(firstError(graphql).extensions?.code).toBe(code);
    expect(firstError(graphql).extensions?.details?.map((detail) => detail.path)).toEqual(rest.body.error?.details?.map((detail) => detail.path));
  });

  it('a missing token and a read-only token on a write get the same challenges', async () => {
    const { token } = await seededTenant(['inventory:read']);
    const checks: [RestResponse, Awaited<ReturnType<ParityApp['graphql']>>][] = [
      [await app.rest('GET', '/v2/inventory/id/1'), await app.graphql('{ inventory(id: 1) { id } }')],
      [await app.rest('DELETE', '/v2/inventory/id/1', token), await app.graphql('mutation { inventoryDelete(id: 1) }', token)],
    ];
    for (const [rest, graphql] of checks) {
      expect(graphql.status).toBe(rest.status);
      expect(graphql.headers.get('www-authenticate')).toBe(rest.headers.get('www-authenticate'));
    }
  });
});
