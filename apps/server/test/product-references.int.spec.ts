import type { ProductJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from './support/api-client.js';
import { type ItemResult, productOf, recordOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

describeE2e('product references /v2/products', (server) => {
  const widget = aProduct(1).withSku('W-1').suppliedBy('ACME', 'AC-1').costing(0.5).withSource('erp', 'E-1').withSource('crm', 'C-1');

  it('PUT creates with 201, then replaces the whole reference with 200', async () => {
    const { writer, reader } = server().tenant();
    const created = await writer.put<AnyEnvelope<ProductJson>>('/v2/products/id/1', widget.putBody());
    expect(created.body.messages).toEqual(['Product created']);
    expect(expectData(created, 201)).toEqual({ id: 1, sku: 'W-1', supplier: 'ACME', supplierCode: 'AC-1', costPrice: 0.5, sources: [{ source: 'crm', sourceId: 'C-1' }, { source: 'erp', sourceId: 'E-1' }] });

    const replaced = await writer.put<AnyEnvelope<ProductJson>>('/v2/products/id/1', { sku: 'W-1b', sources: [{ source: 'erp', sourceId: 'E-1' }] });
    expect(replaced.body.messages).toEqual(['Product updated']);
    expect(expectData(replaced, 200)).toEqual({ id: 1, sku: 'W-1b', supplier: '', supplierCode: '', costPrice: 0, sources: [{ source: 'erp', sourceId: 'E-1' }] });
    expectError(await reader.get('/v2/products/sourceId/C-1?source=crm'), 'PRODUCT_NOT_FOUND');
    expect((await productOf(reader, '/v2/products/sourceId/E-1?source=erp')).id).toBe(1);
  });

  it('GET finds a reference by id, sku, sourceId and supplierCode', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget, aProduct(2).withSku('OTHER'));
    for (const path of ['id/1', 'sku/W-1', 'sourceId/C-1?source=crm', 'supplierCode/AC-1?supplier=ACME']) {
      const response = await reader.get<AnyEnvelope<ProductJson>>(`/v2/products/${path}`);
      expect(response.body, path).toMatchObject({ data: { id: 1, sku: 'W-1' }, total: 1 });
    }
  });

  it('GET answers 404, 400 ambiguous and 400 invalid lookup key', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, aProduct(5).withSku('TWIN'), aProduct(6).withSku('TWIN'));
    expectError(await reader.get('/v2/products/id/404'), 'PRODUCT_NOT_FOUND');
    expectError(await reader.get('/v2/products/sku/TWIN'), 'PRODUCT_MULTIPLE_FOUND');
    expectError(await reader.get('/v2/products/Sku/TWIN'), 'INVALID_LOOKUP_KEY');
    expectError(await reader.get('/v2/products/sourceId/X'), 'VALIDATION_FAILED', ['source']);
  });

  it('PUT refuses invalid input and changes nothing', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget);
    const before = await productOf(reader, '/v2/products/id/1');
    expectError(await writer.put('/v2/products/id/1', { id: 2, sku: 'X' }), 'VALIDATION_FAILED', ['id']);
    expectError(await writer.put('/v2/products/id/1', { name: 'Widget' }), 'VALIDATION_FAILED', ['name']);
    expectError(await writer.put('/v2/products/id/1', { sku: 'S'.repeat(31) }), 'VALIDATION_FAILED', ['sku']);
    expectError(await writer.put('/v2/products/id/1', { costPrice: 1.000001 }), 'VALIDATION_FAILED', ['costPrice']);
    expectError(await writer.put('/v2/products/id/1', { sources: [{ source: '', sourceId: 'x' }] }), 'VALIDATION_FAILED', ['sources.0.source']);
    expectError(await writer.put('/v2/products/id/1', { sources: [{ source: 'erp' }] }), 'VALIDATION_FAILED', ['sources.0.sourceId']);
    expectError(await writer.put('/v2/products/id/0', {}), 'VALIDATION_FAILED', ['id']);
    expect(await productOf(reader, '/v2/products/id/1')).toEqual(before);
  });

  it('PUT answers 409 when a source belongs to another product, changing neither', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget, aProduct(2).withSku('G-2'));
    expectError(await writer.put('/v2/products/id/2', { sku: 'G-2b', sources: [{ source: 'erp', sourceId: 'E-1' }] }), 'PRODUCT_SOURCE_CONFLICT');
    expect(await productOf(reader, '/v2/products/id/2')).toMatchObject({ sku: 'G-2', sources: [] });
    expect((await productOf(reader, '/v2/products/sourceId/E-1?source=erp')).id).toBe(1);
  });

  it('bulk answers per item in request order: last duplicate wins, bad items and source conflicts fail alone', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget);
    const response = await writer.post<AnyEnvelope<ItemResult[]>>('/v2/products/bulk', {
      products: [
        aProduct(3).withSku('first').json(),
        { id: 'four' },
        aProduct(5).withSource('erp', 'E-1').json(),
        aProduct(3).withSku('second').json(),
        aProduct(6).with({ colour: 'red' }).json(),
      ],
    });
    expect(response.body.messages).toEqual(['Completed']);
    expect(response.body.total).toBe(5);
    expect(expectData(response).map((result) => [result.index, result.key, result.success ? result.action : result.error?.code])).toEqual([
      [0, 3, 'create'],
      [1, null, 10007],
      [2, 5, 80009],
      [3, 3, 'update'],
      [4, 6, 10007],
    ]);
    expect((await productOf(reader, '/v2/products/id/3')).sku).toBe('second');
    expectError(await reader.get('/v2/products/id/5'), 'PRODUCT_NOT_FOUND');
    expectError(await reader.get('/v2/products/id/6'), 'PRODUCT_NOT_FOUND');
  });

  it('bulk fails whole when the body is not {products: [...]}', async () => {
    const { writer } = server().tenant();
    expectError(await writer.post('/v2/products/bulk', [aProduct(1).json()]), 'VALIDATION_FAILED');
    expectError(await writer.post('/v2/products/bulk', { product: [] }), 'VALIDATION_FAILED', ['products', 'product']);
  });

  it('DELETE answers 409 ProductHasInventory while records point at it, then deletes', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget);
    const [recordId = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).json()]);
    expectError(await writer.delete('/v2/products/id/1'), 'PRODUCT_HAS_INVENTORY');
    expect((await productOf(reader, '/v2/products/id/1')).id).toBe(1);
    expect((await recordOf(reader, recordId)).productId).toBe(1);

    await writer.delete(`/v2/inventory/id/${recordId}`);
    const deleted = await writer.delete('/v2/products/id/1');
    expect(deleted.body).toEqual({ data: { id: 1 }, messages: ['Product deleted'], total: 1 });
    expectError(await reader.get('/v2/products/id/1'), 'PRODUCT_NOT_FOUND');
    expectError(await writer.delete('/v2/products/id/1'), 'PRODUCT_NOT_FOUND');
  });

  it('keeps the same product id in two tenants independent', async () => {
    const first = server().tenant();
    const second = server().tenant();
    await registerProducts(first.writer, widget);
    await registerProducts(second.writer, aProduct(1).withSku('THEIRS').withSource('erp', 'E-1'));
    expect((await productOf(first.reader, '/v2/products/id/1')).sku).toBe('W-1');
    expect((await productOf(second.reader, '/v2/products/sourceId/E-1?source=erp')).sku).toBe('THEIRS');
    await second.writer.delete('/v2/products/id/1');
    expect((await productOf(first.reader, '/v2/products/id/1')).sku).toBe('W-1');
  });
});

describeE2e(
  'product bulk limits',
  (server) => {
    it('answers 413 above BULK_MAX_ITEMS and writes nothing', async () => {
      const { writer, reader } = server().tenant();
      const response = await writer.post('/v2/products/bulk', { products: [aProduct(1).json(), aProduct(2).json(), aProduct(3).json()] });
      expectError(response, 'PAYLOAD_TOO_LARGE');
      expectError(await reader.get('/v2/products/id/1'), 'PRODUCT_NOT_FOUND');
    });
  },
  { env: { BULK_MAX_ITEMS: '2' } },
);
