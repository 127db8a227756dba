import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { balanceOf, recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { adjust, adjustAll, allMovements, anAdjustment } from '../support/ledger-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';

const MAX_ITEMS = 40;

describeE2e(
  'stock adjustments',
  (server) => {
    const widget = aProduct(1).withSku('W-1');
    const gadget = aProduct(2).withSku('G-2').suppliedBy('ACME', 'AC-2');

    async function tenantWithProducts(): Promise<ReturnType<ReturnType<typeof server>['tenant']>> {
      const tenant = server().tenant();
      await registerProducts(tenant.writer, widget, gadget);
      return tenant;
    }

    it('a positive delta on a missing record creates it; the next one updates it, each with its movement', async () => {
      const { name, writer } = await tenantWithProducts();
      const [created] = await adjustAll(writer, 'id/local', [anAdjustment(5).forProduct(1).inWarehouse(3).because('receipt', 'PO-1').json()]);
      expect(created).toMatchObject({ index: 0, success: true, action: 'create', changed: true, quantity: 5, version: 1, lookupKey: 'id', key: '1' });
      const [updated] = await adjustAll(writer, 'sku/local', [anAdjustment(-2).with({ sku: 'W-1' }).inWarehouse(3).because('sale', 'order-7').json()]);
      expect(updated).toMatchObject({ index: 0, success: true, action: 'update', changed: true, id: created?.id, quantity: 3, version: 2, lookupKey: 'sku', key: 'W-1' });
      expect(await recordOf(writer, created?.id ?? 0)).toMatchObject({ quantity: 3, version: 2, warehouseId: 3, supplier: 'INTERN', sku: 'W-1' });

      const movements = await allMovements(writer, { inventoryId: created?.id ?? 0 });
      expect(movements).toMatchObject([
        { id: created?.movementId, productId: 1, inventoryType: 'local', warehouseId: 3, supplier: 'INTERN', delta: 5, quantityAfter: 5, reason: 'receipt', reference: 'PO-1', channel: 'rest', clientId: `${name}:read+write` },
        { id: updated?.movementId, delta: -2, quantityAfter: 3, reason: 'sale', reference: 'order-7', channel: 'rest' },
      ]);
    });

    it('supplier stock takes the product’s supplier by default and is named by supplierCode with ?supplier=', async () => {
      const { writer } = await tenantWithProducts();
      const [created] = await adjustAll(writer, 'supplierCode/supplier?supplier=ACME', [anAdjustment(7).with({ supplierCode: 'AC-2' }).json()]);
      expect(await recordOf(writer, created?.id ?? 0)).toMatchObject({ productId: 2, supplier: 'ACME', supplierCode: 'AC-2', quantity: 7 });
    });

    it('a result below zero, or a negative delta on a missing record, fails with InsufficientStock naming the quantity and the delta', async () => {
      const { writer } = await tenantWithProducts();
      const [ids = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(4).json()]);
      const results = expectData(await adjust(writer, 'id/local', [anAdjustment(-5).forProduct(1).because('sale').json(), anAdjustment(-1).forProduct(1).inWarehouse(9).because('sale').json()]));
      expect(results.map((result) => [result.success, result.error?.code, result.error?.type])).toEqual([
        [false, 13010, 'InsufficientStock'],
        [false, 13010, 'InsufficientStock'],
      ]);
      expect(results[0]?.error?.details).toEqual([{ path: 'delta', message: expect.stringMatching(/quantity is 4.*delta is -5/) as unknown }]);
      expect(results[1]?.error?.details).toEqual([{ path: 'delta', message: expect.stringMatching(/quantity is 0.*delta is -1/) as unknown }]);
      expect(await recordOf(writer, ids)).toMatchObject({ quantity: 4, version: 1 });
      expect(await balanceOf(writer, 1)).toHaveLength(1);
    });

    it('allowNegative lets the quantity go below zero (oversold)', async () => {
      const { writer } = await tenantWithProducts();
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(2).json()]);
      const [result] = await adjustAll(writer, 'id/local', [anAdjustment(-5).forProduct(1).because('sale').allowingNegative().json()]);
      expect(result).toMatchObject({ action: 'update', quantity: -3, version: 2 });
      expect((await recordOf(writer, id)).quantity).toBe(-3);
    });

    it('a delta of 0, over 1e9 either way, or a result outside ±1e9 fails with 10007', async () => {
      const { writer } = await tenantWithProducts();
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(999_999_999).json()]);
      const results = expectData(
        await adjust(writer, 'id/local', [
          anAdjustment(0).forProduct(1).json(),
          anAdjustment(1_000_000_001).forProduct(1).json(),
          anAdjustment(2).forProduct(1).json(),
          anAdjustment(1.5).forProduct(1).json(),
          anAdjustment(1).forProduct(1).json(),
        ]),
      );
      expect(results.map((result) => [result.success, result.error?.code, result.error?.details?.map((detail) => detail.path)])).toEqual([
        [false, 10007, ['delta']],
        [false, 10007, ['delta']],
        [false, 10007, ['delta']],
        [false, 10007, ['delta']],
        [true, undefined, undefined],
      ]);
      expect(await recordOf(writer, id)).toMatchObject({ quantity: 1_000_000_000, version: 2 });
    });

    it('expectedVersion applies the delta only at that version (13011 otherwise); 0 means the record must not exist yet', async () => {
      const { writer } = await tenantWithProducts();
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(10).json()]);
      const results = expectData(
        await adjust(writer, 'id/local', [
          anAdjustment(1).forProduct(1).atVersion(2).json(),
          anAdjustment(1).forProduct(1).atVersion(1).json(),
          anAdjustment(1).forProduct(1).atVersion(0).json(),
          anAdjustment(3).forProduct(1).inWarehouse(4).atVersion(0).json(),
        ]),
      );
      expect(results.map((result) => [result.success, result.error?.code ?? result.action])).toEqual([
        [false, 13011],
        [true, 'update'],
        [false, 13011],
        [true, 'create'],
      ]);
      expect(results[0]?.error?.details).toEqual([{ path: 'expectedVersion', message: 'current version is 1' }]);
      expect(await recordOf(writer, id)).toMatchObject({ quantity: 11, version: 2 });
    });

    it('items on the same record apply in request order, each seeing the one before', async () => {
      const { writer } = await tenantWithProducts();
      const results = expectData(
        await adjust(writer, 'id/local', [
          anAdjustment(5).forProduct(1).json(),
          anAdjustment(1).forProduct(1).inWarehouse(2).json(),
          anAdjustment(-3).forProduct(1).because('sale').json(),
          anAdjustment(-4).forProduct(1).because('sale').json(),
          anAdjustment(1).forProduct(1).because('return').json(),
        ]),
      );
      expect(results.map((result) => (result.success ? [result.action, result.quantity, result.version] : result.error?.code))).toEqual([['create', 5, 1], ['create', 1, 1], ['update', 2, 2], 13010, ['update', 3, 3]]);
      const movementIds = results.map((result) => result.movementId).filter((id) => id !== undefined);
      expect(movementIds).toHaveLength(4);
      const first = results[0]?.id ?? 0;
      expect((await allMovements(writer, { inventoryId: first })).map((movement) => [movement.delta, movement.quantityAfter])).toEqual([
        [5, 5],
        [-3, 2],
        [1, 3],
      ]);
    });

    it('a malformed, keyless or unknown-product item fails alone; the others are written', async () => {
      const { writer } = await tenantWithProducts();
      const results = expectData(
        await adjust(writer, 'id/local', [
          anAdjustment(2).forProduct(1).with({ reason: 'stolen', colour: 'red' }).json(),
          { delta: 1, reason: 'receipt' },
          anAdjustment(1).forProduct(99).json(),
          anAdjustment(4).forProduct(1).with({ reference: 'x'.repeat(256) }).json(),
          'not an object',
          anAdjustment(3).forProduct(1).json(),
        ]),
      );
      expect(results.map((result) => [result.success, result.key, result.error?.code, result.error?.details?.map((detail) => detail.path).sort()])).toEqual([
        [false, '1', 10007, ['colour', 'reason']],
        [false, null, 10016, undefined],
        [false, '99', 80006, undefined],
        [false, '1', 10007, ['reference']],
        [false, null, 10007, ['']],
        [true, '1', undefined, undefined],
      ]);
      expect((await balanceOf(writer, 1)).map((record) => record.quantity)).toEqual([3]);
    });

    it('a body not of the request’s shape fails whole with 10007, more items than the limit with 413', async () => {
      const { writer } = await tenantWithProducts();
      expectError(await writer.post('/v2/inventory/adjustments/id/local', { inventory: [] }), 'VALIDATION_FAILED', ['adjustments', 'inventory']);
      expectError(await writer.post('/v2/inventory/adjustments/id/local', { adjustments: [], atomic: 'yes' }), 'VALIDATION_FAILED', ['atomic']);
      expectError(await adjust(writer, 'id/local', Array.from({ length: MAX_ITEMS + 1 }, () => anAdjustment(1).forProduct(1).json())), 'PAYLOAD_TOO_LARGE');
      expectError(await adjust(writer, 'ID/local', []), 'INVALID_LOOKUP_KEY');
      expectError(await adjust(writer, 'id/Local', []), 'INVALID_INVENTORY_TYPE');
      expect(await balanceOf(writer, 1)).toEqual([]);
    });

    it('atomic: one failing item fails the request with its status and code, names every failing item, and writes nothing', async () => {
      const { writer } = await tenantWithProducts();
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(4).json()]);
      const recordBefore = await recordOf(writer, id);
      const ledgerBefore = await allMovements(writer);

      const response = await adjust(
        writer,
        'id/local',
        [anAdjustment(3).forProduct(1).inWarehouse(8).json(), anAdjustment(-9).forProduct(1).because('sale').json(), anAdjustment(1).forProduct(1).json(), anAdjustment(1).forProduct(1).atVersion(7).json()],
        true,
      );
      expectError(response, 'INSUFFICIENT_STOCK', ['adjustments.1.delta', 'adjustments.3.expectedVersion']);

      const malformed = await adjust(writer, 'id/local', [anAdjustment(3).forProduct(1).json(), anAdjustment(2).forProduct(1).with({ reason: 'gift' }).json()], true);
      expectError(malformed, 'VALIDATION_FAILED', ['adjustments.1.reason']);

      expect(await recordOf(writer, id)).toEqual(recordBefore);
      expect(await balanceOf(writer, 1)).toHaveLength(1);
      expect(await allMovements(writer)).toEqual(ledgerBefore);

      const applied = expectData(await adjust(writer, 'id/local', [anAdjustment(3).forProduct(1).json(), anAdjustment(-7).forProduct(1).because('sale').json()], true));
      expect(applied.map((result) => result.quantity)).toEqual([7, 0]);
    });

    it('adjusting needs inventory:write; a read-only token gets 403 and writes nothing', async () => {
      const { writer, reader } = await tenantWithProducts();
      expectError(await adjust(reader, 'id/local', [anAdjustment(1).forProduct(1).json()]), 'FORBIDDEN');
      expect(await balanceOf(writer, 1)).toEqual([]);
    });

    it('another tenant’s identical identity key is its own record', async () => {
      const first = await tenantWithProducts();
      const second = await tenantWithProducts();
      await adjustAll(first.writer, 'id/local', [anAdjustment(5).forProduct(1).json()]);
      const [other] = await adjustAll(second.writer, 'id/local', [anAdjustment(2).forProduct(1).json()]);
      expect(other).toMatchObject({ action: 'create', quantity: 2 });
      expect((await balanceOf(first.writer, 1)).map((record: RecordJson) => record.quantity)).toEqual([5]);
      expect(await allMovements(second.reader)).toHaveLength(1);
    });
  },
  { env: { BULK_MAX_ITEMS: String(MAX_ITEMS) } },
);
