import { expect, it } from 'vitest';
import type { AnyEnvelope, ApiClient, ApiResponse } from '../support/api-client.js';
import { bulkUpsert, productOf, recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData } from '../support/expectations.js';
import { aProduct, anItem } from '../support/request-builders.js';

/** Status and body, the whole of what a caller can compare (request ids aside). */
function seen(response: ApiResponse<unknown>): { status: number; body: unknown } {
  return { status: response.status, body: response.body };
}

describeE2e('tenant isolation', (server) => {
  /** Tenant "owner" with product 700 (sku, source and supplier code) and one local and one supplier record. */
  async function anOwner() {
    const owner = server().tenant();
    await registerProducts(owner.writer, aProduct(700).withSku('SHARED-700').suppliedBy('ACME', 'AC-700').withSource('erp', 'E-700'));
    const [local = 0, supplier = 0] = await upsertAll(owner.writer, 'id/local', [anItem().forProduct(700).withQuantity(11).inWarehouse(3).json()]).then(async (ids) => [
      ...ids,
      ...(await upsertAll(owner.writer, 'id/supplier', [anItem().forProduct(700).withQuantity(22).json()])),
    ]);
    return { owner, local, supplier };
  }

  /** The owner's whole view of product 700, to prove an attack changed nothing. */
  async function snapshot(owner: ApiClient, ids: readonly number[]) {
    return {
      records: await Promise.all(ids.map((id) => recordOf(owner, id))),
      product: await productOf(owner, '/v2/products/id/700'),
      aggregate: seen(await owner.get('/v2/products/id/700/inventory?expands=inventoryBalance')),
    };
  }

  /**
   * Sends the same request as a tenant that has data of its own (but not the owner's) and as a
   * brand-new tenant, and requires identical answers: whatever the owner has cannot show.
   */
  async function expectSameAsMissing(attacker: ApiClient, nobody: ApiClient, send: (api: ApiClient) => Promise<ApiResponse<unknown>>): Promise<void> {
    const foreign = seen(await send(attacker));
    const missing = seen(await send(nobody));
    expect(foreign).toEqual(missing);
  }

  /** An attacker with products and records of its own, and a fresh tenant that has nothing. */
  async function strangers() {
    const attacker = server().tenant();
    await registerProducts(attacker.writer, aProduct(1).withSku('OWN-1'));
    await upsertAll(attacker.writer, 'id/local', [anItem().forProduct(1).withQuantity(1).json()]);
    return { attacker, nobody: server().tenant() };
  }

  it('another tenant’s record id answers GET, PATCH and DELETE exactly like a missing one, and stays untouched', async () => {
    const { owner, local, supplier } = await anOwner();
    const { attacker, nobody } = await strangers();
    const before = await snapshot(owner.reader, [local, supplier]);
    for (const id of [local, supplier]) {
      await expectSameAsMissing(attacker.reader, nobody.reader, (api) => api.get(`/v2/inventory/id/${id}`));
      await expectSameAsMissing(attacker.writer, nobody.writer, (api) => api.patch(`/v2/inventory/id/${id}`, { quantity: 0, notes: 'pwned' }));
      await expectSameAsMissing(attacker.writer, nobody.writer, (api) => api.delete(`/v2/inventory/id/${id}`));
    }
    expect(await snapshot(owner.reader, [local, supplier])).toEqual(before);
  });

  it('another tenant’s product answers every lookup key exactly like a missing product', async () => {
    const { owner, local, supplier } = await anOwner();
    const { attacker, nobody } = await strangers();
    const before = await snapshot(owner.reader, [local, supplier]);
    const reads = [
      '/v2/products/id/700/inventory',
      '/v2/products/id/700/inventory?expands=inventoryBalance',
      '/v2/products/id/700/inventory/warehouses/3',
      '/v2/products/sku/SHARED-700/inventory',
      '/v2/products/sourceId/E-700/inventory?source=erp',
      '/v2/products/supplierCode/AC-700/inventory?supplier=ACME',
      '/v2/products/id/700',
      '/v2/products/sku/SHARED-700',
      '/v2/products/sourceId/E-700?source=erp',
    ];
    for (const path of reads) await expectSameAsMissing(attacker.reader, nobody.reader, (api) => api.get(path));
    await expectSameAsMissing(attacker.writer, nobody.writer, (api) => api.delete('/v2/products/id/700'));
    await expectSameAsMissing(attacker.writer, nobody.writer, (api) => api.post('/v2/products/sku/SHARED-700/inventory/local', anItem().withQuantity(5).json()));
    expect(await snapshot(owner.reader, [local, supplier])).toEqual(before);
  });

  it('search never shows another tenant’s products, and a foreign product id aggregates like a missing one', async () => {
    const { owner, local, supplier } = await anOwner();
    const { attacker, nobody } = await strangers();
    const before = await snapshot(owner.reader, [local, supplier]);
    const bodies = [{ productIds: [700] }, { skus: ['SHARED-700'] }, { suppliers: ['ACME'] }, { warehouseIds: [3] }, { productIds: [700, 701], inventoryType: 'supplier' }];
    for (const body of bodies) {
      await expectSameAsMissing(attacker.reader, nobody.reader, (api) => api.post('/v2/inventory/search?expands=inventoryBalance', body));
    }
    const own = expectData(await attacker.reader.post<AnyEnvelope<{ productId: number }[]>>('/v2/inventory/search', {}));
    expect(own.map((aggregate) => aggregate.productId)).toEqual([1]);
    expect(await snapshot(owner.reader, [local, supplier])).toEqual(before);
  });

  it('a bulk upsert aimed at another tenant’s product fails per item exactly like a missing product, writing nothing there', async () => {
    const { owner, local, supplier } = await anOwner();
    const { attacker, nobody } = await strangers();
    const before = await snapshot(owner.reader, [local, supplier]);
    const targets: [string, unknown[]][] = [
      ['id/local', [anItem().forProduct(700).withQuantity(99).inWarehouse(3).json()]],
      ['sku/local', [anItem().bySku('SHARED-700').withQuantity(99).json()]],
      ['sourceId/supplier', [anItem().bySourceId('E-700', 'erp').withQuantity(99).json()]],
      ['supplierCode/supplier', [anItem().bySupplierCode('AC-700', 'ACME').withQuantity(99).json()]],
    ];
    for (const [path, items] of targets) await expectSameAsMissing(attacker.writer, nobody.writer, (api) => bulkUpsert(api, path, items));
    expect(await snapshot(owner.reader, [local, supplier])).toEqual(before);
  });

  it('the same product and identity key in two tenants are two independent records', async () => {
    const first = server().tenant();
    const second = server().tenant();
    for (const tenant of [first, second]) await registerProducts(tenant.writer, aProduct(5).withSku('SAME'));
    const [a = 0] = await upsertAll(first.writer, 'sku/local', [anItem().bySku('SAME').withQuantity(1).inWarehouse(2).json()]);
    const [b = 0] = await upsertAll(second.writer, 'sku/local', [anItem().bySku('SAME').withQuantity(2).inWarehouse(2).json()]);
    expect(a).not.toBe(b);
    expectData(await first.writer.patch(`/v2/inventory/id/${a}`, { quantity: 100 }));
    const results = expectData(await bulkUpsert(second.writer, 'sku/local', [anItem().bySku('SAME').withQuantity(3).inWarehouse(2).json()]));
    expect(results[0]).toMatchObject({ success: true, action: 'update', id: b });
    expect((await recordOf(first.reader, a)).quantity).toBe(100);
    expect((await recordOf(second.reader, b)).quantity).toBe(3);
  });

  it('a tenant named in headers is ignored: the answer is the one without them', async () => {
    const { owner, local } = await anOwner();
    const { attacker, nobody } = await strangers();
    const headers = { 'x-tenant': owner.name, 'x-tenant-id': owner.name, tenant: owner.name, 'x-forwarded-user': owner.name, 'x-scope-orgid': owner.name };
    for (const path of [`/v2/inventory/id/${local}`, '/v2/products/id/700/inventory', '/v2/products/sku/SHARED-700']) {
      expect(seen(await attacker.reader.get(path, { headers }))).toEqual(seen(await nobody.reader.get(path)));
    }
    const search = { productIds: [700] };
    expect(seen(await attacker.reader.post('/v2/inventory/search', search, { headers }))).toEqual(seen(await nobody.reader.post('/v2/inventory/search', search)));
  });

  it('a tenant named in the query string or the body never reaches another tenant’s data', async () => {
    const { owner, local, supplier } = await anOwner();
    const { attacker, nobody } = await strangers();
    const before = await snapshot(owner.reader, [local, supplier]);
    const attempts: ((api: ApiClient) => Promise<ApiResponse<unknown>>)[] = [
      (api) => api.get(`/v2/inventory/id/${local}?tenant=${owner.name}`),
      (api) => api.get(`/v2/products/id/700/inventory?tenant=${owner.name}`),
      (api) => api.post('/v2/inventory/search', { productIds: [700], tenant: owner.name }),
      (api) => api.patch(`/v2/inventory/id/${local}`, { quantity: 0, tenant: owner.name }),
      (api) => bulkUpsert(api, 'id/local', [{ ...anItem().forProduct(700).json(), tenant: owner.name }]),
      (api) => api.post('/v2/products/bulk', { products: [{ id: 700, sku: 'X', tenant: owner.name }] }),
    ];
    for (const attempt of attempts) {
      const answer = seen(await attempt(attacker.writer));
      expect(answer).toEqual(seen(await attempt(nobody.writer)));
      expect(JSON.stringify(answer.body)).not.toMatch(/"success":true|"quantity":(11|22)\b/);
    }
    expect(await snapshot(owner.reader, [local, supplier])).toEqual(before);
  });
});

