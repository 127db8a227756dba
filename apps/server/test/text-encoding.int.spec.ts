import { describe, expect, it } from 'vitest';
import type { AnyEnvelope } from './support/api-client.js';
import { balanceOf, bulkUpsert, productOf, registerProducts, upsertAll, type ItemResult } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

/** Valid JSON (`"\ud800"`), but no Unicode text: the databases would keep U+FFFD instead. */
const LONE = 'W-\ud800';
const SURROGATE_MESSAGE = 'must be valid Unicode (it holds a lone UTF-16 surrogate)';

describe('the text rule', () => {
  it('JSON.stringify writes a lone surrogate as an escape, so the server really receives one', () => {
    expect(JSON.stringify(LONE)).toBe('"W-\\ud800"');
  });
});

describeE2e('text holding a lone UTF-16 surrogate', (server) => {
  it('refuses it in a product reference, naming the field, and stores nothing', async () => {
    const { writer } = server().tenant();
    expectError(await writer.put('/v2/products/id/1', aProduct(1).withSku(LONE).json()), 'VALIDATION_FAILED', ['sku']);
    expectError(await writer.put('/v2/products/id/1', aProduct(1).withSource('shop', LONE).json()), 'VALIDATION_FAILED', ['sources.0.sourceId']);
    const bulk = expectData(await writer.post<AnyEnvelope<ItemResult[]>>('/v2/products/bulk', { products: [aProduct(2).suppliedBy(LONE).json()] }));
    expect(bulk.map((result) => result.error?.details)).toEqual([[{ path: 'supplier', message: SURROGATE_MESSAGE }]]);
    expectError(await writer.get('/v2/products/id/1'), 'PRODUCT_NOT_FOUND');
    expectError(await writer.get('/v2/products/id/2'), 'PRODUCT_NOT_FOUND');
  });

  it('fails a bulk item giving it in any text field or lookup value, alone, with the path named once', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1).withSku('W-1').withSource('shop', 'S-1'));
    const results = expectData(
      await bulkUpsert(writer, 'sku/local', [
        anItem().bySku('W-1').withNotes(`note ${LONE}`).json(),
        anItem().bySku(LONE).json(),
        anItem().bySku('W-1').atLocation('\udfff').json(),
        anItem().bySku('W-1').withQuantity(7).json(),
      ]),
    );
    expect(results.map((result) => result.error?.details)).toEqual([
      [{ path: 'notes', message: SURROGATE_MESSAGE }],
      [{ path: 'sku', message: SURROGATE_MESSAGE }],
      [{ path: 'location', message: SURROGATE_MESSAGE }],
      undefined,
    ]);
    const bySource = expectData(await bulkUpsert(writer, 'sourceId/local', [anItem().bySourceId('S-1', LONE).json(), anItem().bySourceId(LONE, 'shop').json()]));
    expect(bySource.map((result) => result.error?.details?.map((detail) => detail.path))).toEqual([['source'], ['sourceId']]);
    expect((await balanceOf(writer, 1)).map((record) => [record.quantity, record.location, record.notes])).toEqual([[7, '', '']]);
  });

  it('refuses it in a PATCH, a create, and the search filters, naming the path', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1).withSku('W-1'));
    const [id] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).atLocation('A-1').json()]);
    expectError(await writer.patch(`/v2/inventory/id/${id}`, { notes: LONE }), 'VALIDATION_FAILED', ['notes']);
    expectError(await writer.post('/v2/products/id/1/inventory/supplier', anItem().fromSupplier(LONE).json()), 'VALIDATION_FAILED', ['supplier']);
    expectError(await writer.post('/v2/inventory/search', { skus: ['W-1', LONE], locations: [LONE] }), 'VALIDATION_FAILED', ['skus.1', 'locations.0']);
    expect((await balanceOf(writer, 1)).map((record) => [record.location, record.notes, record.supplier])).toEqual([['A-1', '', 'INTERN']]);
  });

  it('keeps astral characters (well-formed surrogate pairs) exactly, and finds them by lookup', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1).withSku('W-😀'));
    await upsertAll(writer, 'sku/local', [anItem().bySku('W-😀').withNotes('📦 𝄞').json()]);
    expect((await productOf(writer, `/v2/products/sku/${encodeURIComponent('W-😀')}`)).sku).toBe('W-😀');
    expect((await balanceOf(writer, 1)).map((record) => record.notes)).toEqual(['📦 𝄞']);
  });

  it('refuses it in GraphQL variables through the same core rule', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, aProduct(1).withSku('W-1'));
    const query = 'mutation ($items: [BulkInventoryItemInput!]!) { inventoryBulkUpsert(lookupKey: sku, type: local, items: $items) { items { success error { code details { path message } } } } }';
    const response = await writer.post<{ data?: { inventoryBulkUpsert: { items: unknown[] } } }>('/graphql', { query, variables: { items: [{ sku: 'W-1', quantity: 1, notes: LONE }] } });
    expect(response.body.data?.inventoryBulkUpsert.items).toEqual([{ success: false, error: { code: 'BAD_USER_INPUT', details: [{ path: 'notes', message: SURROGATE_MESSAGE }] } }]);
    const lookup = await writer.post<{ errors?: { extensions?: { code?: string; details?: unknown } }[] }>('/graphql', {
      query: 'query ($key: String!) { productInventory(lookupKey: sku, key: $key) { totalQuantity } }',
      variables: { key: LONE },
    });
    expect(lookup.body.errors?.map((error) => [error.extensions?.code, error.extensions?.details])).toEqual([['BAD_USER_INPUT', [{ path: 'key', message: SURROGATE_MESSAGE }]]]);
    expect(await balanceOf(writer, 1)).toEqual([]);
  });
});
