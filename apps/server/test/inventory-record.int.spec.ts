import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from './support/api-client.js';
import { recordOf, registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

describeE2e('/v2/inventory/id/{id}', (server) => {
  const widget = aProduct(1).withSku('W-1').suppliedBy('ACME');

  /** A tenant with two local records of product 1: the target (warehouse 1) and its neighbour (warehouse 2). */
  async function twoRecords(): Promise<{ tenant: ReturnType<ReturnType<typeof server>['tenant']>; target: number; neighbour: number }> {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, widget);
    const [target = 0, neighbour = 0] = await upsertAll(tenant.writer, 'id/local', [
      anItem().forProduct(1).withQuantity(5).inWarehouse(1).costing(1.5).deliveringOn('2025-07-01').withNotes('target').json(),
      anItem().forProduct(1).withQuantity(9).inWarehouse(2).withNotes('neighbour').json(),
    ]);
    return { tenant, target, neighbour };
  }

  it('GET answers the record in the envelope with total 1', async () => {
    const { tenant, target } = await twoRecords();
    const response = await tenant.reader.get<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${target}`);
    expect(response.body).toMatchObject({ messages: [], total: 1, data: { id: target, productId: 1, quantity: 5, warehouseId: 1, costPrice: 1.5, nextDeliveryDate: '2025-07-01T00:00:00.000Z' } });
  });

  it('GET answers 404 for a missing id, 400 for a non-numeric one', async () => {
    const { reader } = server().tenant();
    expectError(await reader.get('/v2/inventory/id/987654'), 'INVENTORY_NOT_FOUND');
    expectError(await reader.get('/v2/inventory/id/0'), 'INVENTORY_NOT_FOUND');
    expectError(await reader.get('/v2/inventory/id/abc'), 'VALIDATION_FAILED', ['id']);
    expectError(await reader.get('/v2/inventory/id/1?verbose=1'), 'VALIDATION_FAILED', ['verbose']);
  });

  it('PATCH changes only the fields given, moves lastModifiedAt, and leaves the neighbour untouched', async () => {
    const { tenant, target, neighbour } = await twoRecords();
    const neighbourBefore = await recordOf(tenant.reader, neighbour);
    server().clock.advance(3_600_000);
    const response = await tenant.writer.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${target}`, { quantity: -4, costPrice: 99999.99999, location: 'B-3' });
    expect(response.body.messages).toEqual(['Inventory updated']);
    expect(expectData(response)).toMatchObject({ id: target, quantity: -4, costPrice: 99999.99999, location: 'B-3', notes: 'target', nextDeliveryDate: '2025-07-01T00:00:00.000Z', lastModifiedAt: '2025-06-15T11:00:00.000Z', createdAt: '2025-06-15T10:00:00.000Z' });
    expect(await recordOf(tenant.reader, target)).toEqual(expectData(response));
    expect(await recordOf(tenant.reader, neighbour)).toEqual(neighbourBefore);
  });

  it('PATCH with nextDeliveryDate null clears the date', async () => {
    const { tenant, target } = await twoRecords();
    await tenant.writer.patch(`/v2/inventory/id/${target}`, { nextDeliveryDate: null });
    expect((await recordOf(tenant.reader, target)).nextDeliveryDate).toBeNull();
  });

  it('PATCH answers 409 when the change collides with another record’s identity key, and changes nothing', async () => {
    const { tenant, target } = await twoRecords();
    const before = await recordOf(tenant.reader, target);
    expectError(await tenant.writer.patch(`/v2/inventory/id/${target}`, { warehouseId: 2, quantity: 1 }), 'INVENTORY_ALREADY_EXISTS');
    expect(await recordOf(tenant.reader, target)).toEqual(before);
  });

  it('PATCH refuses unknown or fixed fields, bad values and an empty body, changing nothing', async () => {
    const { tenant, target } = await twoRecords();
    const before = await recordOf(tenant.reader, target);
    const patch = (body: unknown) => tenant.writer.patch(`/v2/inventory/id/${target}`, body);
    expectError(await patch({ quantity: 1, supplier: 'OTHER' }), 'VALIDATION_FAILED', ['supplier']);
    expectError(await patch({ quantity: 1, productId: 2 }), 'VALIDATION_FAILED', ['productId']);
    expectError(await patch({ quantity: 2.5 }), 'VALIDATION_FAILED', ['quantity']);
    expectError(await patch({ quantity: '2' }), 'VALIDATION_FAILED', ['quantity']);
    expectError(await patch({ costPrice: 0.000001 }), 'VALIDATION_FAILED', ['costPrice']);
    expectError(await patch({ costPrice: 100000 }), 'VALIDATION_FAILED', ['costPrice']);
    expectError(await patch({ nextDeliveryDate: '2025-13-01' }), 'VALIDATION_FAILED', ['nextDeliveryDate']);
    expectError(await patch({ notes: 'n'.repeat(256) }), 'VALIDATION_FAILED', ['notes']);
    expectError(await patch({ sku: 's'.repeat(31) }), 'VALIDATION_FAILED', ['sku']);
    expectError(await patch({ warehouseId: -1 }), 'VALIDATION_FAILED', ['warehouseId']);
    expectError(await patch({}), 'VALIDATION_FAILED');
    expectError(await patch([{ quantity: 1 }]), 'VALIDATION_FAILED');
    expect(await recordOf(tenant.reader, target)).toEqual(before);
  });

  it('PATCH and DELETE answer 404 for a missing record', async () => {
    const { writer } = server().tenant();
    expectError(await writer.patch('/v2/inventory/id/987654', { quantity: 1 }), 'INVENTORY_NOT_FOUND');
    expectError(await writer.delete('/v2/inventory/id/987654'), 'INVENTORY_NOT_FOUND');
  });

  it('DELETE removes the record only, answering its id', async () => {
    const { tenant, target, neighbour } = await twoRecords();
    const neighbourBefore = await recordOf(tenant.reader, neighbour);
    const response = await tenant.writer.delete(`/v2/inventory/id/${target}`);
    expect(response.body).toEqual({ data: { id: target }, messages: ['Inventory deleted'], total: 1 });
    expectError(await tenant.reader.get(`/v2/inventory/id/${target}`), 'INVENTORY_NOT_FOUND');
    expectError(await tenant.writer.delete(`/v2/inventory/id/${target}`), 'INVENTORY_NOT_FOUND');
    expect(await recordOf(tenant.reader, neighbour)).toEqual(neighbourBefore);
  });

  it('another tenant’s record answers exactly like a missing one for GET, PATCH and DELETE, and is not changed', async () => {
    const { tenant: owner, target } = await twoRecords();
    const stranger = server().tenant();
    const before = await recordOf(owner.reader, target);
    const missingId = 987654;
    for (const [foreign, missing] of [
      [await stranger.reader.get(`/v2/inventory/id/${target}`), await stranger.reader.get(`/v2/inventory/id/${missingId}`)],
      [await stranger.writer.patch(`/v2/inventory/id/${target}`, { quantity: 0 }), await stranger.writer.patch(`/v2/inventory/id/${missingId}`, { quantity: 0 })],
      [await stranger.writer.delete(`/v2/inventory/id/${target}`), await stranger.writer.delete(`/v2/inventory/id/${missingId}`)],
    ] as const) {
      expectError(foreign, 'INVENTORY_NOT_FOUND');
      expect(JSON.stringify(foreign.body).replace(`id ${target} `, 'id N ')).toBe(JSON.stringify(missing.body).replace(`id ${missingId} `, 'id N '));
    }
    expect(await recordOf(owner.reader, target)).toEqual(before);
  });
});
