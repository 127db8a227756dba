import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { csvText, importText } from '../csv/csv-requests.js';
import type { AnyEnvelope } from '../support/api-client.js';
import { balanceOf, bulkUpsert, recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData } from '../support/expectations.js';
import { graphql } from '../support/graphql-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';

const HOUR = 3_600_000;
const INVENTORY_FIELDS = 'id quantity notes version lastModifiedAt';

describeE2e('record versions and quiet no-op writes', (server) => {
  const widget = aProduct(1).withSku('W-1');

  /** A tenant with two local records of product 1 (warehouses 1 and 2) at version 1. */
  async function twoRecords(): Promise<{ writer: ReturnType<ReturnType<typeof server>['tenant']>['writer']; target: number; neighbour: number }> {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const [target = 0, neighbour = 0] = await upsertAll(writer, 'id/local', [
      anItem().forProduct(1).withQuantity(5).inWarehouse(1).costing(1.5).withNotes('target').json(),
      anItem().forProduct(1).withQuantity(9).inWarehouse(2).json(),
    ]);
    return { writer, target, neighbour };
  }

  it('a created record is at version 1, and each changing PATCH adds exactly 1', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const created = expectData(await writer.post<AnyEnvelope<RecordJson>>('/v2/products/id/1/inventory/local', anItem().withQuantity(3).json()), 201);
    expect(created.version).toBe(1);
    const versions: number[] = [];
    for (const patch of [{ quantity: 4 }, { notes: 'n' }, { costPrice: 0.5, location: 'A-1' }, { nextDeliveryDate: '2030-01-01' }, { nextDeliveryDate: null }]) {
      versions.push(expectData(await writer.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${created.id}`, patch)).version);
    }
    expect(versions).toEqual([2, 3, 4, 5, 6]);
    expect((await recordOf(writer, created.id)).version).toBe(6);
  });

  it('a bulk item that creates is version 1 and changed; one that changes adds 1; one equal to the record changes nothing', async () => {
    const { writer, target, neighbour } = await twoRecords();
    const before = await recordOf(writer, target);
    expect(before.version).toBe(1);
    server().clock.advance(HOUR);

    const changing = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(6).inWarehouse(1).json()]));
    expect(changing).toMatchObject([{ success: true, action: 'update', changed: true, id: target }]);
    const changed = await recordOf(writer, target);
    expect(changed).toMatchObject({ version: 2, quantity: 6, notes: 'target', costPrice: 1.5 });
    expect(changed.lastModifiedAt).not.toBe(before.lastModifiedAt);

    server().clock.advance(HOUR);
    // Equal on every field it gives; the fields it leaves out (costPrice, notes) are not overwritten.
    const equal = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(6).inWarehouse(1).json(), anItem().forProduct(1).withQuantity(6).inWarehouse(1).costing(1.5).withNotes('target').json()]));
    expect(equal.map((result) => [result.action, result.changed])).toEqual([
      ['update', false],
      ['update', false],
    ]);
    expect(await recordOf(writer, target)).toEqual(changed);

    const created = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).inWarehouse(3).json()]));
    expect(created).toMatchObject([{ success: true, action: 'create', changed: true }]);
    expect((await recordOf(writer, created[0]?.id ?? 0)).version).toBe(1);
    expect((await recordOf(writer, neighbour)).version).toBe(1);
  });

  it('a bulk item that differs in one given field only (costPrice, notes, date) adds 1', async () => {
    const { writer, target } = await twoRecords();
    for (const [fields, changed, version] of [
      [{ costPrice: 1.50001 }, true, 2],
      [{ notes: 'other' }, true, 3],
      [{ nextDeliveryDate: '2031-02-03' }, true, 4],
      [{ nextDeliveryDate: '2031-02-03T00:00:00.000Z' }, false, 4],
      [{ nextDeliveryDate: null }, true, 5],
    ] as const) {
      const [result] = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).inWarehouse(1).with(fields).json()]));
      expect([result?.changed, (await recordOf(writer, target)).version], JSON.stringify(fields)).toEqual([changed, version]);
    }
  });

  it('items of one bulk request that share a record write it once: one version more, every item changed', async () => {
    const { writer, target } = await twoRecords();
    const results = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(7).inWarehouse(1).json(), anItem().forProduct(1).withQuantity(8).inWarehouse(1).json()]));
    expect(results.map((result) => [result.action, result.changed])).toEqual([
      ['update', true],
      ['update', true],
    ]);
    expect(await recordOf(writer, target)).toMatchObject({ quantity: 8, version: 2 });
  });

  it('a PATCH equal to the record changes nothing: same version, same lastModifiedAt, same ETag', async () => {
    const { writer, target } = await twoRecords();
    const before = await recordOf(writer, target);
    server().clock.advance(HOUR);
    for (const patch of [{ quantity: 5 }, { notes: 'target', costPrice: 1.5 }, { nextDeliveryDate: null }, { warehouseId: 1, location: '' }]) {
      const response = await writer.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${target}`, patch);
      expect(expectData(response), JSON.stringify(patch)).toEqual(before);
      expect(response.headers.get('etag')).toBe('"1"');
    }
    expect(await recordOf(writer, target)).toEqual(before);
  });

  it('a CSV row creates at version 1, a changed row adds 1, a row equal to the record changes nothing', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const header = ['lookupKey', 'inventoryType', 'productId', 'quantity', 'warehouseId', 'notes'];
    const rows = (quantity: number): string => csvText([header, ['id', 'local', '1', String(quantity), '4', 'csv'], ['id', 'local', '1', '1', '5', '']]);

    expect(expectData(await importText(writer, rows(10)))).toMatchObject({ importedCount: 2, createdCount: 2, errors: [] });
    const created = await balanceOf(writer, 1);
    expect(created.map((record) => record.version)).toEqual([1, 1]);

    server().clock.advance(HOUR);
    expect(expectData(await importText(writer, rows(10)))).toMatchObject({ importedCount: 2, createdCount: 0, errors: [] });
    expect(await balanceOf(writer, 1)).toEqual(created);

    server().clock.advance(HOUR);
    await importText(writer, rows(11));
    const after = await balanceOf(writer, 1);
    expect(after.map((record) => [record.warehouseId, record.quantity, record.version])).toEqual([
      [4, 11, 2],
      [5, 1, 1],
    ]);
    expect(after[0]?.lastModifiedAt).not.toBe(created[0]?.lastModifiedAt);
    expect(after[1]).toEqual(created[1]);
  });

  it('GraphQL shows the version: 1 on inventoryCreate, +1 on a changing inventoryUpdate, unchanged on an equal one', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    type Created = { inventoryCreate: { id: number; version: number } };
    const create = await graphql<Created>(writer, `mutation { inventoryCreate(input: { type: local, productId: 1, quantity: 2 }) { ${INVENTORY_FIELDS} } }`);
    expect(create.errors).toBeUndefined();
    const id = create.data?.inventoryCreate.id ?? 0;
    expect(create.data?.inventoryCreate.version).toBe(1);

    const update = (quantity: number) =>
      graphql<{ inventoryUpdate: { version: number; lastModifiedAt: string } }>(writer, `mutation ($id: Int!, $quantity: Int!) { inventoryUpdate(id: $id, input: { quantity: $quantity }) { ${INVENTORY_FIELDS} } }`, { id, quantity });
    expect((await update(3)).data?.inventoryUpdate.version).toBe(2);
    server().clock.advance(HOUR);
    const equal = await update(3);
    expect(equal.data?.inventoryUpdate).toMatchObject({ version: 2, lastModifiedAt: (await recordOf(writer, id)).lastModifiedAt });
    const read = await graphql<{ inventory: { version: number } }>(writer, `query ($id: Int!) { inventory(id: $id) { version } }`, { id });
    expect(read.data?.inventory.version).toBe(2);
  });

  it('GraphQL bulk results carry changed like REST', async () => {
    const { writer } = await twoRecords();
    const bulk = (quantity: number) =>
      graphql<{ inventoryBulkUpsert: { items: { success: boolean; action: string; changed: boolean }[] } }>(
        writer,
        `mutation ($items: [BulkInventoryItemInput!]!) { inventoryBulkUpsert(lookupKey: id, type: local, items: $items) { items { success action changed } } }`,
        { items: [{ productId: 1, quantity, warehouseId: 1 }] },
      );
    expect((await bulk(5)).data?.inventoryBulkUpsert.items).toEqual([{ success: true, action: 'update', changed: false }]);
    expect((await bulk(6)).data?.inventoryBulkUpsert.items).toEqual([{ success: true, action: 'update', changed: true }]);
  });

  it('a record deleted and created again starts over at version 1', async () => {
    const { writer, target } = await twoRecords();
    await writer.patch(`/v2/inventory/id/${target}`, { quantity: 1 });
    expectData(await writer.delete(`/v2/inventory/id/${target}`));
    const [again = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).inWarehouse(1).json()]);
    expect((await recordOf(writer, again)).version).toBe(1);
  });
});
