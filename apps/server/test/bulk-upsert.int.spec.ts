import { expect, it } from 'vitest';
import { aggregateOf, balanceOf, bulkUpsert, recordOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

describeE2e('POST /v2/inventory/bulk/{lookupKey}/{inventoryType}', (server) => {
  const widget = aProduct(1).withSku('W-1').suppliedBy('ACME', 'AC-1').withSource('erp', 'E-1').costing(2.5);
  const gadget = aProduct(2).withSku('G-2').withSource('erp', 'E-2');

  it('answers one result per item in request order, valid or not, and writes the valid ones', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget, gadget);
    const response = await bulkUpsert(writer, 'sku/local', [
      anItem().bySku('G-2').withQuantity(2).json(),
      anItem().bySku('NOPE').withQuantity(1).json(),
      anItem().withQuantity(1).json(),
      anItem().bySku('W-1').withQuantity(1.5).json(),
      anItem().bySku('W-1').withQuantity(5).json(),
    ]);
    expect(response.body.messages).toEqual(['Completed']);
    expect(response.body.total).toBe(5);
    const results = expectData(response);
    expect(results.map((result) => [result.index, result.success, result.key, result.error?.code ?? result.action])).toEqual([
      [0, true, 'G-2', 'create'],
      [1, false, 'NOPE', 80006],
      [2, false, null, 10016],
      [3, false, 'W-1', 10007],
      [4, true, 'W-1', 'create'],
    ]);
    expect(results[3]?.error).toMatchObject({ type: 'SchemaValidationException', details: [{ path: 'quantity' }] });
    expect(results.every((result) => result.lookupKey === 'sku')).toBe(true);
    expect((await aggregateOf(writer, '/v2/products/id/1/inventory')).localQuantity).toBe(5);
    expect((await aggregateOf(writer, '/v2/products/id/2/inventory')).localQuantity).toBe(2);
  });

  it('updates on the identity key: quantity is absolute, the record keeps its id', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const [first] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).inWarehouse(3).json()]);
    server().clock.advance(60_000);
    const results = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(2).inWarehouse(3).json()]));
    expect(results[0]).toMatchObject({ success: true, action: 'update', id: first });
    const record = await recordOf(writer, first ?? 0);
    expect(record).toMatchObject({ quantity: 2, createdAt: '2025-06-15T10:00:00.000Z' });
    expect(record.lastModifiedAt > record.createdAt).toBe(true);
  });

  it('applies items sharing an identity key in request order: the last wins, the first reports create', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const results = expectData(
      await bulkUpsert(writer, 'id/local', [
        anItem().forProduct(1).withQuantity(1).withNotes('first').json(),
        anItem().forProduct(1).withQuantity(2).atLocation('elsewhere').json(),
        anItem().forProduct(1).withQuantity(3).json(),
      ]),
    );
    expect(results.map((result) => result.action)).toEqual(['create', 'create', 'update']);
    expect(results[0]?.id).toBe(results[2]?.id);
    const records = await balanceOf(writer, 1);
    expect(records.map((record) => [record.location, record.quantity, record.notes]).sort()).toEqual([
      ['', 3, 'first'],
      ['elsewhere', 2, ''],
    ]);
  });

  it('accepts id as an alias of productId, and refuses an item giving both', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const results = expectData(await bulkUpsert(writer, 'id/local', [{ id: 1, quantity: 4 }, { id: 1, productId: 1, quantity: 9 }]));
    expect(results[0]).toMatchObject({ success: true, key: '1' });
    expect(results[1]).toMatchObject({ success: false, key: '1', error: { code: 10007, details: [{ path: 'id' }] } });
    expect((await aggregateOf(writer, '/v2/products/id/1/inventory')).localQuantity).toBe(4);
  });

  it('resolves sourceId items by their own source or the ?source= query', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget, gadget);
    const results = expectData(
      await bulkUpsert(writer, 'sourceId/local?source=erp', [
        anItem().bySourceId('E-1').withQuantity(1).json(),
        anItem().bySourceId('E-2', 'erp').withQuantity(2).json(),
        anItem().bySourceId('E-1', 'crm').json(),
      ]),
    );
    expect(results.map((result) => result.success)).toEqual([true, true, false]);
    expect(results[2]?.error?.code).toBe(80006);
  });

  it('defaults supplier stock to the product supplier and local stock to INTERN', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget, gadget);
    const [supplierId] = await upsertAll(writer, 'sku/supplier', [anItem().bySku('W-1').withQuantity(8).json()]);
    const [localId] = await upsertAll(writer, 'sku/local', [anItem().bySku('W-1').fromSupplier('ACME').withQuantity(2).json()]);
    expect(await recordOf(writer, supplierId ?? 0)).toMatchObject({ supplier: 'ACME', sku: 'W-1', costPrice: 2.5 });
    expect(await recordOf(writer, localId ?? 0)).toMatchObject({ supplier: 'INTERN' });
    const noSupplier = expectData(await bulkUpsert(writer, 'sku/supplier', [anItem().bySku('G-2').json()]));
    expect(noSupplier[0]).toMatchObject({ success: false, error: { code: 10007, details: [{ path: 'supplier' }] } });
  });

  it('resolves supplierCode items with the supplier they name', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const results = expectData(
      await bulkUpsert(writer, 'supplierCode/supplier', [anItem().bySupplierCode('AC-1', 'ACME').withQuantity(3).json(), anItem().bySupplierCode('AC-1').json()]),
    );
    expect(results.map((result) => result.success)).toEqual([true, false]);
    expect(results[1]?.error).toMatchObject({ code: 10007, details: [{ path: 'supplier' }] });
    expect((await aggregateOf(writer, '/v2/products/id/1/inventory')).supplierQuantity).toBe(3);
  });

  it('fails an item with an unknown key, a wrong type, over-long text, six decimals or a bad date on its own', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const item = () => anItem().forProduct(1);
    const results = expectData(
      await bulkUpsert(writer, 'id/local', [
        item().with({ colour: 'red' }).json(),
        item().with({ warehouseId: '3' }).json(),
        item().atLocation('L'.repeat(36)).json(),
        item().costing(1.123456).json(),
        item().deliveringOn('2025-02-30').json(),
        item().deliveringOn('tomorrow').json(),
        item().withQuantity(1_000_000_001).json(),
        item().inWarehouse(9).withQuantity(9).json(),
      ]),
    );
    expect(results.map((result) => [result.error?.code, result.error?.details?.map((detail) => detail.path)])).toEqual([
      [10007, ['colour']],
      [10007, ['warehouseId']],
      [10007, ['location']],
      [10007, ['costPrice']],
      [10007, ['nextDeliveryDate']],
      [10007, ['nextDeliveryDate']],
      [10007, ['quantity']],
      [undefined, undefined],
    ]);
    expect((await balanceOf(writer, 1)).map((record) => record.warehouseId)).toEqual([9]);
  });

  it('stores injection-shaped text verbatim', async () => {
    const { writer } = server().tenant();
    const nasty = ["'; DROP TABLE inventory; --", 'Robert"); DELETE FROM x;', '<script>alert(1)</script>', '${7*7} {{7*7}} %s %n', 'émoji 🧪 \\x00 \u202e end', '   padded  '];
    await registerProducts(writer, widget);
    const ids = await upsertAll(
      writer,
      'id/supplier',
      nasty.map((text, index) => anItem().forProduct(1).fromSupplier(text.slice(0, 35), `code-${index}`).atLocation(text.slice(0, 35)).withNotes(text).json()),
    );
    for (const [index, id] of ids.entries()) {
      const text = nasty[index] ?? '';
      expect(await recordOf(writer, id)).toMatchObject({ supplier: text.slice(0, 35), location: text.slice(0, 35), notes: text });
    }
  });

  it('refuses the NUL character, which no database can store, naming the field', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const results = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withNotes('a\u0000b').json(), anItem().bySku('x\u0000').json()]));
    expect(results.map((result) => result.error?.details?.map((detail) => detail.path))).toEqual([['notes'], ['sku']]);
    expectError(await writer.get('/v2/products/sku/W%00/inventory'), 'VALIDATION_FAILED', ['key']);
    expect(await balanceOf(writer, 1)).toEqual([]);
  });

  it('fails the whole request when the body is not {inventory: [...]}', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    expectError(await writer.post('/v2/inventory/bulk/id/local', [anItem().forProduct(1).json()]), 'VALIDATION_FAILED');
    expectError(await writer.post('/v2/inventory/bulk/id/local', { items: [] }), 'VALIDATION_FAILED', ['inventory', 'items']);
    expectError(await writer.post('/v2/inventory/bulk/id/local', { inventory: [], extra: 1 }), 'VALIDATION_FAILED', ['extra']);
    expectError(await writer.post('/v2/inventory/bulk/id/local', { inventory: 'all' }), 'VALIDATION_FAILED', ['inventory']);
    expect(await balanceOf(writer, 1)).toEqual([]);
  });

  it('rejects a lookup key or inventory type in the wrong case before writing anything', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const items = [anItem().forProduct(1).json()];
    expectError(await bulkUpsert(writer, 'ID/local', items), 'INVALID_LOOKUP_KEY');
    expectError(await bulkUpsert(writer, 'productId/local', items), 'INVALID_LOOKUP_KEY');
    expectError(await bulkUpsert(writer, 'id/Local', items), 'INVALID_INVENTORY_TYPE');
    expectError(await bulkUpsert(writer, 'id/intern', items), 'INVALID_INVENTORY_TYPE');
    expect(await balanceOf(writer, 1)).toEqual([]);
  });

  it('answers an empty list with an empty result', async () => {
    const { writer } = server().tenant();
    const response = await bulkUpsert(writer, 'id/local', []);
    expect(response.body).toEqual({ data: [], messages: ['Completed'], total: 0 });
  });

  it('leaves a neighbour record and another tenant’s same key untouched', async () => {
    const mine = server().tenant();
    const theirs = server().tenant();
    for (const tenant of [mine, theirs]) await registerProducts(tenant.writer, widget);
    const [neighbourId] = await upsertAll(mine.writer, 'id/local', [anItem().forProduct(1).withQuantity(11).inWarehouse(1).json()]);
    const [theirId] = await upsertAll(theirs.writer, 'id/local', [anItem().forProduct(1).withQuantity(50).json()]);
    const before = await recordOf(mine.writer, neighbourId ?? 0);

    await upsertAll(mine.writer, 'id/local', [anItem().forProduct(1).withQuantity(7).json()]);

    expect(await recordOf(mine.writer, neighbourId ?? 0)).toEqual(before);
    expect(await recordOf(theirs.writer, theirId ?? 0)).toMatchObject({ quantity: 50 });
    expectError(await mine.reader.get(`/v2/inventory/id/${theirId ?? 0}`), 'INVENTORY_NOT_FOUND');
  });
});

describeE2e(
  'bulk limits',
  (server) => {
    it('answers 413 above BULK_MAX_ITEMS and writes nothing', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1));
      const items = Array.from({ length: 4 }, (_, index) => anItem().forProduct(1).inWarehouse(index).json());
      expectError(await bulkUpsert(writer, 'id/local', items), 'PAYLOAD_TOO_LARGE');
      expect(await balanceOf(writer, 1)).toEqual([]);
      expect(expectData(await bulkUpsert(writer, 'id/local', items.slice(0, 3)))).toHaveLength(3);
    });
  },
  { env: { BULK_MAX_ITEMS: '3' } },
);
