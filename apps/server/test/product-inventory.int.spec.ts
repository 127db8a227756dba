import { expect, it } from 'vitest';
import { aggregateOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

const ZEROS = {
  totalQuantity: 0,
  totalReservedQuantity: 0,
  localQuantity: 0,
  localReservedQuantity: 0,
  supplierQuantity: 0,
  supplierReservedQuantity: 0,
  nextDeliveryDate: null,
  heldQuantity: 0,
  availableQuantity: 0,
};

describeE2e('GET /v2/products/{lookupKey}/{key}/inventory', (server) => {
  const widget = aProduct(1).withSku('W-1').suppliedBy('ACME', 'AC-1').withSource('erp', 'E-1');
  const neighbour = aProduct(2).withSku('N-2');


  it('sums free and reserved stock per inventory type exactly as docs/rest.md defines it', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget, neighbour);
    await upsertAll(writer, 'id/local', [
      anItem().forProduct(1).withQuantity(10).inWarehouse(1).json(),
      anItem().forProduct(1).withQuantity(5).inWarehouse(2).json(),
      anItem().forProduct(1).withQuantity(3).reservedFor(7).json(),
      anItem().forProduct(2).withQuantity(1000).json(),
    ]);
    await upsertAll(writer, 'id/supplier', [
      anItem().forProduct(1).withQuantity(20).json(),
      anItem().forProduct(1).withQuantity(-2).fromSupplier('ACME', 'OVERSOLD').json(),
      anItem().forProduct(1).withQuantity(4).fromSupplier('OTHER').reservedFor(9).json(),
    ]);

    expect(await aggregateOf(writer, '/v2/products/id/1/inventory')).toEqual({
      productId: 1,
      localQuantity: 15,
      localReservedQuantity: 3,
      supplierQuantity: 18,
      supplierReservedQuantity: 4,
      totalQuantity: 33,
      totalReservedQuantity: 7,
      nextDeliveryDate: null,
      heldQuantity: 0,
      availableQuantity: 33,
    });
    expect(await aggregateOf(writer, '/v2/products/id/2/inventory')).toEqual({ ...ZEROS, productId: 2, localQuantity: 1000, totalQuantity: 1000, availableQuantity: 1000 });
  });

  it('answers the envelope with one aggregate and total 1', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const response = await writer.get('/v2/products/id/1/inventory');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [{ ...ZEROS, productId: 1 }], messages: [], total: 1 });
  });

  it('takes the earliest delivery date on or after the start of today (UTC), ignoring earlier ones', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    await upsertAll(writer, 'id/local', [
      anItem().forProduct(1).atLocation('past').deliveringOn('2025-06-14T23:59:59.999Z').json(),
      anItem().forProduct(1).atLocation('midnight').deliveringOn('2025-06-15T00:00:00Z').json(),
      anItem().forProduct(1).atLocation('later').deliveringOn('2025-07-01').json(),
      anItem().forProduct(1).atLocation('none').deliveringOn(null).json(),
    ]);
    expect((await aggregateOf(writer, '/v2/products/id/1/inventory')).nextDeliveryDate).toBe('2025-06-15T00:00:00.000Z');
  });

  it('adds the records as balance only with expands=inventoryBalance', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(4).costing(12.34567).deliveringOn('2025-08-01T12:00:00+02:00').json()]);

    expect(await aggregateOf(writer, '/v2/products/id/1/inventory')).not.toHaveProperty('balance');
    const { balance } = await aggregateOf(writer, '/v2/products/id/1/inventory?expands=inventoryBalance');
    expect(balance).toEqual([
      {
        id: expect.any(Number) as number,
        productId: 1,
        quantity: 4,
        supplier: 'INTERN',
        supplierCode: '',
        sku: 'W-1',
        warehouseId: 0,
        companyId: 0,
        location: '',
        costPrice: 12.34567,
        notes: '',
        nextDeliveryDate: '2025-08-01T10:00:00.000Z',
        createdAt: '2025-06-15T10:00:00.000Z',
        lastModifiedAt: '2025-06-15T10:00:00.000Z',
        version: 1,
      },
    ]);
  });

  it('scopes the aggregate and balance to one warehouse', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(10).inWarehouse(1).json(), anItem().forProduct(1).withQuantity(5).inWarehouse(2).json()]);

    const inOne = await aggregateOf(writer, '/v2/products/id/1/inventory/warehouses/1?expands=inventoryBalance');
    expect(inOne.localQuantity).toBe(10);
    expect(inOne.balance?.map((record) => record.warehouseId)).toEqual([1]);
    expect((await aggregateOf(writer, '/v2/products/id/1/inventory/warehouses/3')).totalQuantity).toBe(0);
  });

  it('finds the same product by id, sku, sourceId with ?source= and supplierCode with ?supplier=', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, widget);
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(7).json()]);

    for (const path of ['id/1', 'sku/W-1', 'sourceId/E-1?source=erp', 'supplierCode/AC-1?supplier=ACME']) {
      const [lookup, query = ''] = path.split('?');
      const aggregate = await aggregateOf(reader, `/v2/products/${lookup ?? ''}/inventory${query === '' ? '' : `?${query}`}`);
      expect(aggregate, path).toMatchObject({ productId: 1, localQuantity: 7 });
    }
  });

  it('answers zeros and a null date for a registered product without records', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, widget);
    expect(await aggregateOf(reader, '/v2/products/sku/W-1/inventory')).toEqual({ ...ZEROS, productId: 1 });
  });

  it('rejects a lookup key or an expand it does not know, case-sensitively', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, widget);
    expectError(await reader.get('/v2/products/SKU/W-1/inventory'), 'INVALID_LOOKUP_KEY');
    expectError(await reader.get('/v2/products/Id/1/inventory'), 'INVALID_LOOKUP_KEY');
    expectError(await reader.get('/v2/products/name/W-1/inventory'), 'INVALID_LOOKUP_KEY');
    expectError(await reader.get('/v2/products/id/1/inventory?expands=everything'), 'VALIDATION_FAILED', ['expands']);
    expectError(await reader.get('/v2/products/id/1/inventory?colour=red'), 'VALIDATION_FAILED', ['colour']);
  });

  it('treats sku values case-sensitively and a missing source qualifier as a validation failure', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, widget);
    expectError(await reader.get('/v2/products/sku/w-1/inventory'), 'PRODUCT_NOT_FOUND');
    expectError(await reader.get('/v2/products/sourceId/E-1/inventory'), 'VALIDATION_FAILED', ['source']);
    expectError(await reader.get('/v2/products/supplierCode/AC-1/inventory'), 'VALIDATION_FAILED', ['supplier']);
    expectError(await reader.get('/v2/products/id/abc/inventory'), 'VALIDATION_FAILED', ['key']);
  });

  it('answers 404 for an unknown product and 400 for a sku shared by two products', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, aProduct(5).withSku('TWIN'), aProduct(6).withSku('TWIN'));
    expectError(await reader.get('/v2/products/id/99/inventory'), 'PRODUCT_NOT_FOUND');
    expectError(await reader.get('/v2/products/sku/TWIN/inventory'), 'PRODUCT_MULTIPLE_FOUND');
    expect((await aggregateOf(reader, '/v2/products/id/5/inventory')).productId).toBe(5);
  });

  it('rejects a warehouse id that is not a non-negative integer', async () => {
    const { reader, writer } = server().tenant();
    await registerProducts(writer, widget);
    expectError(await reader.get('/v2/products/id/1/inventory/warehouses/-1'), 'VALIDATION_FAILED', ['warehouseId']);
    expectError(await reader.get('/v2/products/id/1/inventory/warehouses/1.5'), 'VALIDATION_FAILED', ['warehouseId']);
  });

  it('never shows another tenant’s product: it answers exactly like a missing one', async () => {
    const owner = server().tenant();
    const stranger = server().tenant();
    await registerProducts(owner.writer, widget);
    await upsertAll(owner.writer, 'id/local', [anItem().forProduct(1).withQuantity(3).json()]);
    const foreign = await stranger.reader.get('/v2/products/id/1/inventory');
    const missing = await stranger.reader.get('/v2/products/id/4242/inventory');
    expectError(foreign, 'PRODUCT_NOT_FOUND');
    expect(JSON.stringify(foreign.body).replace('id 1 ', 'id N ')).toBe(JSON.stringify(missing.body).replace('id 4242 ', 'id N '));
  });
});
