import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { postMultipartCsv } from '../../test/support/multipart-csv.js';
import { seedInventory, TENANT_A } from '../../test/support/seed-inventory.js';
import { WRITE_A, WRITE_B } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

async function seeded() {
  const test = createTestSubgraph();
  const { records } = await seedInventory(test.service);
  return { ...test, records };
}

const RECORD = 'id productId quantity supplier supplierCode sku warehouseId companyId location costPrice nextDeliveryDate notes';

describe('mutations', () => {
  it('inventoryCreate by productId fills the product defaults, like the REST create', async () => {
    const { fetch, service } = await seeded();
    const query = `mutation { inventoryCreate(input: { type: supplier, productId: 1, quantity: 8, warehouseId: 3 }) { ${RECORD} } }`;
    const created = dataOf(await postGraphql(fetch, { query, token: WRITE_A }))['inventoryCreate'] as { id: number };
    expect(created).toMatchObject({ productId: 1, quantity: 8, supplier: 'ACME', sku: 'WIDGET-1', costPrice: 1.5, warehouseId: 3, nextDeliveryDate: null });
    expect(await service.getInventory(TENANT_A, created.id)).toMatchObject({ quantity: 8, supplier: 'ACME' });
  });

  it('inventoryCreate by a sku lookup names the product by its sku', async () => {
    const { fetch } = await seeded();
    const query = 'mutation { inventoryCreate(input: { type: local, lookupKey: sku, key: "GADGET-2", quantity: 1, location: "B" }) { productId supplier sku } }';
    expect(dataOf(await postGraphql(fetch, { query, token: WRITE_A }))['inventoryCreate']).toEqual({ productId: 2, supplier: 'INTERN', sku: 'GADGET-2' });
  });

  it('a create on a taken identity key is INVENTORY_ALREADY_EXISTS with HTTP 409 and leaves the record untouched', async () => {
    const { fetch, service, records } = await seeded();
    const query = 'mutation { inventoryCreate(input: { type: local, productId: 1, quantity: 99, warehouseId: 2 }) { id } }';
    const response = await postGraphql(fetch, { query, token: WRITE_A });
    expect(response.status).toBe(409);
    expect(firstError(response).extensions?.code).toBe('INVENTORY_ALREADY_EXISTS');
    expect((await service.getInventory(TENANT_A, records[1]?.id ?? 0)).quantity).toBe(5);
  });

  it('a create naming its product twice, or not at all, is BAD_USER_INPUT', async () => {
    const { fetch } = await seeded();
    for (const product of ['productId: 1, lookupKey: id, key: "1"', '']) {
      const response = await postGraphql(fetch, { query: `mutation { inventoryCreate(input: { type: local, ${product} quantity: 1 }) { id } }`, token: WRITE_A });
      expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: [{ path: 'productId' }] });
    }
  });

  it('values are checked by the core rules: a 6-decimal cost price and a 36-character location fail together', async () => {
    const { fetch } = await seeded();
    const query = `mutation { inventoryCreate(input: { type: local, productId: 2, quantity: 1, costPrice: 1.123456, location: "${'x'.repeat(36)}" }) { id } }`;
    const response = await postGraphql(fetch, { query, token: WRITE_A });
    expect(response.status).toBe(400);
    expect(firstError(response).extensions?.details?.map((detail) => detail.path).sort()).toEqual(['costPrice', 'location']);
  });

  it('inventoryUpdate changes only the given fields and null clears the delivery date', async () => {
    const { fetch, records, clock } = await seeded();
    clock.advance(60_000);
    const query = `mutation ($id: Int!) { inventoryUpdate(id: $id, input: { quantity: 11, nextDeliveryDate: null }) { ${RECORD} lastModifiedAt } }`;
    const updated = dataOf(await postGraphql(fetch, { query, variables: { id: records[0]?.id }, token: WRITE_A }))['inventoryUpdate'];
    expect(updated).toMatchObject({ quantity: 11, nextDeliveryDate: null, location: 'A-1', costPrice: 12345.67891, lastModifiedAt: '2025-03-10T12:01:00.000Z' });
  });

  it('inventoryUpdate with null for a field that cannot be cleared is BAD_USER_INPUT and changes nothing', async () => {
    const { fetch, records, service } = await seeded();
    const query = 'mutation ($id: Int!) { inventoryUpdate(id: $id, input: { quantity: null, notes: "changed" }) { id } }';
    const response = await postGraphql(fetch, { query, variables: { id: records[0]?.id }, token: WRITE_A });
    expect(firstError(response).extensions).toEqual({ code: 'BAD_USER_INPUT', details: [{ path: 'quantity', message: 'must not be null' }] });
    expect((await service.getInventory(TENANT_A, records[0]?.id ?? 0)).notes).toBe('');
  });

  it("an update of another tenant's record is INVENTORY_NOT_FOUND and leaves it untouched", async () => {
    const { fetch, records, service } = await seeded();
    const response = await postGraphql(fetch, { query: `mutation { inventoryUpdate(id: ${records[0]?.id}, input: { quantity: 0 }) { id } }`, token: WRITE_B });
    expect(firstError(response).extensions?.code).toBe('INVENTORY_NOT_FOUND');
    expect((await service.getInventory(TENANT_A, records[0]?.id ?? 0)).quantity).toBe(10);
  });

  it('inventoryDelete removes the record and only that one', async () => {
    const { fetch, records, service } = await seeded();
    const response = await postGraphql(fetch, { query: `mutation { inventoryDelete(id: ${records[0]?.id}) }`, token: WRITE_A });
    expect(dataOf(response)).toEqual({ inventoryDelete: true });
    await expect(service.getInventory(TENANT_A, records[0]?.id ?? 0)).rejects.toMatchObject({ code: 'INVENTORY_NOT_FOUND' });
    expect((await service.getInventory(TENANT_A, records[1]?.id ?? 0)).quantity).toBe(5);
    const again = await postGraphql(fetch, { query: `mutation { inventoryDelete(id: ${records[0]?.id}) }`, token: WRITE_A });
    expect(again.status).toBe(404);
  });

  it('inventoryBulkUpsert answers one result per item in request order, failing only the bad items', async () => {
    const { fetch, records } = await seeded();
    const query = `mutation ($items: [BulkInventoryItemInput!]!) {
      inventoryBulkUpsert(lookupKey: sku, type: local, items: $items) {
        total items { index success action id lookupKey key error { code type messages details { path message } } }
      }
    }`;
    const items = [
      { sku: 'WIDGET-1', quantity: 1, warehouseId: 1, location: 'A-1' },
      { sku: 'NOPE', quantity: 1 },
      { quantity: 1 },
      { sku: 'GADGET-2' },
      { sku: 'GADGET-2', quantity: 6, warehouseId: 7 },
      { sku: 'GADGET-2', quantity: 9, warehouseId: 7 },
    ];
    const result = dataOf(await postGraphql(fetch, { query, variables: { items }, token: WRITE_A }))['inventoryBulkUpsert'] as { items: { id: number | null }[] };
    const created = result.items[4]?.id;
    expect(result).toEqual({
      total: 6,
      items: [
        { index: 0, success: true, action: 'update', id: records[0]?.id, lookupKey: 'sku', key: 'WIDGET-1', error: null },
        { index: 1, success: false, action: null, id: null, lookupKey: 'sku', key: 'NOPE', error: { code: 'PRODUCT_NOT_FOUND', type: 'ProductNotFound', messages: ['Product with sku NOPE not found'], details: [] } },
        { index: 2, success: false, action: null, id: null, lookupKey: 'sku', key: null, error: { code: 'BAD_USER_INPUT', type: 'LookupKeyNotFound', messages: [expect.any(String)], details: [] } },
        { index: 3, success: false, action: null, id: null, lookupKey: 'sku', key: 'GADGET-2', error: { code: 'BAD_USER_INPUT', type: 'SchemaValidationException', messages: ['Validation failed'], details: [{ path: 'quantity', message: 'is required' }] } },
        { index: 4, success: true, action: 'create', id: created, lookupKey: 'sku', key: 'GADGET-2', error: null },
        { index: 5, success: true, action: 'update', id: created, lookupKey: 'sku', key: 'GADGET-2', error: null },
      ],
    });
  });

  it('inventoryBulkUpsert by sourceId takes the source argument for items without their own', async () => {
    const { fetch } = await seeded();
    const query = `mutation { inventoryBulkUpsert(lookupKey: sourceId, type: supplier, source: "erp", items: [{ sourceId: "E1", quantity: 2, location: "S" }]) { items { success key } } }`;
    expect(dataOf(await postGraphql(fetch, { query, token: WRITE_A }))['inventoryBulkUpsert']).toEqual({ items: [{ success: true, key: 'E1' }] });
  });

  it('inventoryCsvImport without an importer configured answers NOT_IMPLEMENTED', async () => {
    const { fetch } = await seeded();
    const response = await postMultipartCsv(fetch, 'lookupKey,quantity\n', { 'x-graphql-csrf': '1' });
    expect(response.status).toBe(501);
    expect(JSON.stringify(response.body)).toContain('NOT_IMPLEMENTED');
  });

  it('inventoryCsvImport hands the uploaded file, mappings and dryRun to the importer with the token tenant', async () => {
    const seen: unknown[] = [];
    const { fetch } = createTestSubgraph({
      importCsv: async (tenant, file, options) => {
        seen.push(tenant, await text(file), options);
        return { importedCount: 1, createdCount: 1, updatedCount: 0, errors: [{ code: 'VALIDATION', messages: ['bad'], record: { sku: 'X' }, rowNumber: 2 }] };
      },
    });
    const response = await postMultipartCsv(fetch, 'sku,qty\nX,1\n', { 'x-graphql-csrf': '1' });
    expect(response.body).toEqual({
      data: { inventoryCsvImport: { importedCount: 1, createdCount: 1, updatedCount: 0, errors: [{ code: 'VALIDATION', messages: ['bad'], record: { sku: 'X' }, rowNumber: 2 }] } },
    });
    expect(seen).toEqual([TENANT_A, 'sku,qty\nX,1\n', { mappings: [{ csvHeader: 'qty', fieldName: 'QUANTITY' }], dryRun: true, origin: { channel: 'csv', clientId: 'client-of-tenant-a' } }]);
  });
});
