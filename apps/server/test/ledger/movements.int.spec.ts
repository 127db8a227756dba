import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { csvText, importText } from '../csv/csv-requests.js';
import type { AnyEnvelope } from '../support/api-client.js';
import { bulkUpsert, recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { graphql } from '../support/graphql-steps.js';
import { adjustAll, allMovements, anAdjustment, ledgerSums, movementPage } from '../support/ledger-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';

const HOUR = 3_600_000;

describeE2e('the movement ledger', (server) => {
  const widget = aProduct(1).withSku('W-1');
  const gadget = aProduct(2).withSku('G-2');

  it('every path that changes a quantity appends one movement: set for create, bulk, CSV and PATCH; delete for a delete', async () => {
    const { name, writer } = server().tenant();
    await registerProducts(writer, widget, gadget);
    const created = expectData(await writer.post<AnyEnvelope<RecordJson>>('/v2/products/id/1/inventory/local', anItem().withQuantity(3).json()), 201);
    const [bulkId = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(8).inWarehouse(2).json()]);
    await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(6).inWarehouse(2).json()]);
    expect(expectData(await importText(writer, csvText([['lookupKey', 'inventoryType', 'productId', 'quantity', 'warehouseId'], ['id', 'local', '2', '4', '1']])))).toMatchObject({ createdCount: 1, errors: [] });
    expectData(await writer.patch(`/v2/inventory/id/${created.id}`, { quantity: 10 }));
    const viaGraphql = await graphql<{ inventoryUpdate: { quantity: number } }>(writer, 'mutation { inventoryUpdate(id: ' + String(bulkId) + ', input: { quantity: 1 }) { quantity } }');
    expect(viaGraphql.data?.inventoryUpdate.quantity).toBe(1);
    expectData(await writer.delete(`/v2/inventory/id/${created.id}`));

    const movements = await allMovements(writer);
    expect(movements.map((movement) => [movement.inventoryId === created.id ? 'created' : movement.inventoryId === bulkId ? 'bulk' : 'csv', movement.reason, movement.delta, movement.quantityAfter, movement.channel])).toEqual([
      ['created', 'set', 3, 3, 'rest'],
      ['bulk', 'set', 8, 8, 'rest'],
      ['bulk', 'set', -2, 6, 'rest'],
      ['csv', 'set', 4, 4, 'csv'],
      ['created', 'set', 7, 10, 'rest'],
      ['bulk', 'set', -5, 1, 'graphql'],
      ['created', 'delete', -10, 0, 'rest'],
    ]);
    expect(new Set(movements.map((movement) => movement.clientId))).toEqual(new Set([`${name}:read+write`]));
    expect(movements.every((movement, index) => index === 0 || movement.id > (movements[index - 1]?.id ?? 0))).toBe(true);
    const sums = ledgerSums(movements);
    expect(sums.get(created.id)).toBe(0);
    expect(sums.get(bulkId)).toBe((await recordOf(writer, bulkId)).quantity);
  });

  it('a notes-only PATCH, a no-op bulk item or CSV row, and a quantity-less change append nothing', async () => {
    const { writer } = server().tenant();
    await registerProducts(writer, widget);
    const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).json()]);
    const before = await allMovements(writer);
    expect(before).toHaveLength(1);
    expectData(await writer.patch(`/v2/inventory/id/${id}`, { notes: 'checked', costPrice: 2.5 }));
    expectData(await writer.patch(`/v2/inventory/id/${id}`, { quantity: 5 }));
    expect(expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).json()]))).toMatchObject([{ changed: false }]);
    expect(expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).withNotes('other').json()]))).toMatchObject([{ changed: true }]);
    expect(expectData(await importText(writer, csvText([['lookupKey', 'inventoryType', 'productId', 'quantity'], ['id', 'local', '1', '5']])))).toMatchObject({ errors: [] });
    expect(await allMovements(writer)).toEqual(before);
    expect((await recordOf(writer, id)).version).toBe(3);
  });

  it('filters by product, record, reason and a [from, to) time window, and pages with next', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget, gadget);
    const start = server().clock.now();
    const [first] = await adjustAll(writer, 'id/local', [anAdjustment(10).forProduct(1).json(), anAdjustment(-1).forProduct(1).because('sale').json()]);
    server().clock.advance(HOUR);
    const middle = server().clock.now();
    await adjustAll(writer, 'id/local', [anAdjustment(5).forProduct(2).json(), anAdjustment(-2).forProduct(1).because('damage', 'broken').json()]);
    server().clock.advance(HOUR);
    const end = server().clock.now();
    await adjustAll(writer, 'id/local', [anAdjustment(-1).forProduct(2).because('sale').json()]);

    const reasons = async (query: Record<string, string | number>): Promise<string[]> => (await allMovements(reader, query)).map((movement) => `${movement.productId}:${movement.reason}:${movement.delta}`);
    // One request's items on different records are written in identity-key order (no deadlocks), so product 1's movement comes first.
    expect(await reasons({})).toEqual(['1:receipt:10', '1:sale:-1', '1:damage:-2', '2:receipt:5', '2:sale:-1']);
    expect(await reasons({ productId: 2 })).toEqual(['2:receipt:5', '2:sale:-1']);
    expect(await reasons({ inventoryId: first?.id ?? 0 })).toEqual(['1:receipt:10', '1:sale:-1', '1:damage:-2']);
    expect(await reasons({ reason: 'sale' })).toEqual(['1:sale:-1', '2:sale:-1']);
    expect(await reasons({ from: middle, to: end })).toEqual(['1:damage:-2', '2:receipt:5']);
    expect(await reasons({ from: start, to: middle })).toEqual(['1:receipt:10', '1:sale:-1']);
    expect(await reasons({ productId: 1, reason: 'damage', from: middle })).toEqual(['1:damage:-2']);

    const pages: string[][] = [];
    let after: number | null = null;
    do {
      const response = await movementPage(reader, { limit: 2, ...(after !== null && { after }) });
      const data = expectData(response);
      expect(response.body).toMatchObject({ messages: [], total: data.length });
      pages.push(data.map((movement) => movement.reason));
      after = response.body.next;
      if (after !== null) expect(after).toBe(data.at(-1)?.id);
    } while (after !== null);
    expect(pages).toEqual([['receipt', 'sale'], ['damage', 'receipt'], ['sale']]);
    const exact = await movementPage(reader, { limit: 5 });
    expect(exact.body.next).toBeNull();
    const defaultPage = await movementPage(reader);
    expect(expectData(defaultPage)).toHaveLength(5);
  });

  it('a bad limit, reason, instant, id or unknown parameter is 400 10007 naming it; reading needs inventory:read', async () => {
    const { writer, writeOnly } = server().tenant();
    for (const [query, path] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ reason: 'stolen' }, 'reason'],
      [{ from: 'yesterday' }, 'from'],
      [{ to: '2025-02-30' }, 'to'],
      [{ after: -1 }, 'after'],
      [{ productId: 'x' }, 'productId'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      expectError(await movementPage(writer, query), 'VALIDATION_FAILED', [path]);
    }
    expect(expectData(await movementPage(writer, { limit: 1000, reason: 'delete', from: '2025-01-01', to: '2025-12-31T23:59:59+02:00' }))).toEqual([]);
    expectError(await movementPage(writeOnly), 'FORBIDDEN');
  });

  it('another tenant’s movements are never listed', async () => {
    const first = server().tenant();
    const second = server().tenant();
    await registerProducts(first.writer, widget);
    await registerProducts(second.writer, widget);
    const [mine] = await adjustAll(first.writer, 'id/local', [anAdjustment(4).forProduct(1).json()]);
    expect(await allMovements(second.reader)).toEqual([]);
    expect(await allMovements(second.reader, { inventoryId: mine?.id ?? 0 })).toEqual([]);
  });
});
