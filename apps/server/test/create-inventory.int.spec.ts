import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from './support/api-client.js';
import { balanceOf, registerProducts } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

describeE2e('POST /v2/products/{lookupKey}/{key}/inventory/{inventoryType}', (server) => {
  const widget = aProduct(1).withSku('W-1').suppliedBy('ACME', 'AC-1').withSource('erp', 'E-1').costing(3.25);

  it('creates a record with 201, filling defaults from the product', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const response = await writer.post<AnyEnvelope<RecordJson>>('/v2/products/sku/W-1/inventory/supplier', anItem().withQuantity(12).inWarehouse(4).json());
    expect(response.body.messages).toEqual(['Inventory created']);
    expect(expectData(response, 201)).toEqual({
      id: expect.any(Number) as number,
      productId: 1,
      quantity: 12,
      supplier: 'ACME',
      supplierCode: '',
      sku: 'W-1',
      warehouseId: 4,
      companyId: 0,
      location: '',
      costPrice: 3.25,
      notes: '',
      nextDeliveryDate: null,
      createdAt: '2025-06-15T10:00:00.000Z',
      lastModifiedAt: '2025-06-15T10:00:00.000Z',
      version: 1,
    });
  });

  it('answers 409 for a second record with the same identity key, keeping the first as it was', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const body = anItem().withQuantity(1).atLocation('A-1').json();
    expectData(await writer.post('/v2/products/id/1/inventory/local', body), 201);
    expectError(await writer.post('/v2/products/id/1/inventory/local', { ...body, quantity: 99 }), 'INVENTORY_ALREADY_EXISTS');
    expect((await balanceOf(writer, 1)).map((record) => record.quantity)).toEqual([1]);
  });

  it('resolves the product by sourceId with ?source= and by supplierCode with ?supplier=', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    expectData(await writer.post('/v2/products/sourceId/E-1/inventory/local?source=erp', anItem().json()), 201);
    const bySupplierCode = expectData(await writer.post<AnyEnvelope<RecordJson>>('/v2/products/supplierCode/AC-1/inventory/supplier?supplier=ACME', anItem().json()), 201);
    expect(bySupplierCode).toMatchObject({ productId: 1, supplier: 'ACME', supplierCode: 'AC-1' });
  });

  it('refuses bad input without creating anything', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    expectError(await writer.post('/v2/products/id/1/inventory/local', anItem().without('quantity').json()), 'VALIDATION_FAILED', ['quantity']);
    expectError(await writer.post('/v2/products/id/1/inventory/local', anItem().with({ id: 5 }).json()), 'VALIDATION_FAILED', ['id']);
    expectError(await writer.post('/v2/products/id/1/inventory/local', anItem().costing(-0.123456).json()), 'VALIDATION_FAILED', ['costPrice']);
    expectError(await writer.post('/v2/products/id/1/inventory/Local', anItem().json()), 'INVALID_INVENTORY_TYPE');
    expectError(await writer.post('/v2/products/SKU/W-1/inventory/local', anItem().json()), 'INVALID_LOOKUP_KEY');
    expectError(await writer.post('/v2/products/id/77/inventory/local', anItem().json()), 'PRODUCT_NOT_FOUND');
    expectError(await writer.post('/v2/products/id/1/inventory/supplier', anItem().fromSupplier('INTERN').json()), 'VALIDATION_FAILED', ['supplier']);
    expect(await balanceOf(writer, 1)).toEqual([]);
  });
});
