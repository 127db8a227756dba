import { expect, it } from 'vitest';
import { aggregateOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

interface HoldJson {
  readonly id: string;
  readonly status: string;
  readonly expiresAt: string;
}

const line = (key: string, quantity: number, extra: Record<string, unknown> = {}) => ({ lookupKey: 'sku', key, quantity, ...extra });

describeE2e('holds over REST', (server) => {
  const seeded = async () => {
    const clients = server().tenant();
    await registerProducts(clients.writer, aProduct(1).withSku('W-1'), aProduct(2).withSku('W-2'));
    await upsertAll(clients.writer, 'id/local', [anItem().forProduct(1).withQuantity(5).inWarehouse(3).json(), anItem().forProduct(2).withQuantity(2).json()]);
    return clients;
  };

  it('when a hold is created, it answers 201 in the envelope and the aggregate shows it held in its warehouse and product', async () => {
    const { writer } = await seeded();
    const created = await writer.post<{ data: HoldJson; messages: string[]; total: number }>('/v2/holds', { reference: 'cart-1', lines: [line('W-1', 2, { warehouseId: 3 })] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ data: { reference: 'cart-1', status: 'active', lines: [{ productId: 1, warehouseId: 3, quantity: 2 }] }, messages: ['Hold created'], total: 1 });
    expect(Date.parse(created.body.data.expiresAt) - Date.parse(server().clock.now())).toBe(900_000);
    expect(await aggregateOf(writer, '/v2/products/sku/W-1/inventory/warehouses/3')).toMatchObject({ totalQuantity: 5, heldQuantity: 2, availableQuantity: 3 });
    const search = await writer.post<{ data: { heldQuantity: number }[] }>('/v2/inventory/search', { productIds: [1, 2] });
    expect(search.body.data.map((aggregate) => aggregate.heldQuantity)).toEqual([2, 0]);
  });

  it('when a create is retried with the same Idempotency-Key, it is replayed and holds once', async () => {
    const { writer } = await seeded();
    const body = { reference: 'cart-2', lines: [line('W-2', 1)] };
    const first = await writer.post<{ data: HoldJson }>('/v2/holds', body, { headers: { 'Idempotency-Key': 'k-1' } });
    const again = await writer.post<{ data: HoldJson }>('/v2/holds', body, { headers: { 'Idempotency-Key': 'k-1' } });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(await aggregateOf(writer, '/v2/products/sku/W-2/inventory')).toMatchObject({ heldQuantity: 1, availableQuantity: 1 });
  });

  it('when input is bad, the answer names the path and nothing is held', async () => {
    const { writer } = await seeded();
    expectError(await writer.post('/v2/holds', { reference: 'r', lines: [line('W-2', 0)] }), 'VALIDATION_FAILED', ['lines.0.quantity']);
    expectError(await writer.post('/v2/holds', { reference: 'r', lines: [line('W-2', 1, { colour: 'red' })] }), 'VALIDATION_FAILED', ['lines.0.colour']);
    expectError(await writer.post('/v2/holds', { reference: 'r', expiresIn: 604_801, lines: [line('W-2', 1)] }), 'VALIDATION_FAILED', ['expiresIn']);
    expectError(await writer.post('/v2/holds', { reference: 'r', lines: [{ lookupKey: 'SKU', key: 'W-2', quantity: 1 }] }), 'VALIDATION_FAILED', ['lines.0.lookupKey']);
    expectError(await writer.post('/v2/holds', { reference: 'r', lines: [line('NOPE', 1)] }), 'PRODUCT_NOT_FOUND', ['lines.0']);
    const short = await writer.post('/v2/holds', { reference: 'r', lines: [line('W-2', 1), line('W-1', 6)] });
    expectError(short, 'INSUFFICIENT_STOCK', ['lines.1']);
    expect(short.body.error?.details).toEqual([{ path: 'lines.1', message: 'requested 6, available 5' }]);
    expect(await aggregateOf(writer, '/v2/products/sku/W-2/inventory')).toMatchObject({ heldQuantity: 0 });
  });

  it('when holds are committed, released, extended or unknown, the statuses and codes follow the lifecycle', async () => {
    const { writer, reader } = await seeded();
    const hold = (await writer.post<{ data: HoldJson }>('/v2/holds', { reference: 'order-1', lines: [line('W-1', 4)] })).body.data;
    expectError(await reader.post(`/v2/holds/${hold.id}/commit`), 'FORBIDDEN');
    expect((await reader.get<{ data: HoldJson }>(`/v2/holds/${hold.id}`)).body.data.status).toBe('active');
    const extended = await writer.post<{ data: HoldJson }>(`/v2/holds/${hold.id}/extend`, { expiresIn: 60 });
    expect(Date.parse(extended.body.data.expiresAt) - Date.parse(server().clock.now())).toBe(60_000);
    const committed = await writer.post<{ data: HoldJson; messages: string[] }>(`/v2/holds/${hold.id}/commit`);
    expect([committed.status, committed.body.data.status, committed.body.messages]).toEqual([200, 'committed', ['Hold committed']]);
    expect(await aggregateOf(writer, '/v2/products/sku/W-1/inventory')).toMatchObject({ totalQuantity: 1, heldQuantity: 0, availableQuantity: 1 });
    expectError(await writer.post(`/v2/holds/${hold.id}/release`), 'HOLD_NOT_ACTIVE');
    expectError(await writer.post('/v2/holds/424242/commit'), 'HOLD_NOT_FOUND');
    expectError(await writer.get('/v2/holds/not-an-id'), 'HOLD_NOT_FOUND');
    const other = server().tenant();
    expectError(await other.writer.get(`/v2/holds/${hold.id}`), 'HOLD_NOT_FOUND');
  });

  it('when holds are listed, the page envelope and filters work like search', async () => {
    const { writer, reader } = await seeded();
    for (const reference of ['a', 'b', 'a']) await writer.post('/v2/holds', { reference, lines: [line('W-1', 1)] });
    const page = await reader.get<{ data: HoldJson[] }>('/v2/holds?reference=a&status=active&page=2&offset=1');
    expect(page.body).toMatchObject({ total: 1, page: 2, offset: 1, itemsFound: 2, pages: 2, start: 2, end: 2, messages: ['Completed'] });
    expectError(await reader.get('/v2/holds?offset=0'), 'INVALID_PAGING');
    expectError(await reader.get('/v2/holds?status=gone'), 'VALIDATION_FAILED', ['status']);
  });
});
