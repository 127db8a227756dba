import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InventoryValues } from '../domain/inventory-record.js';
import type { Movement, WriteOrigin } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { AdjustmentRow } from '../ports/inventory-repository.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { aRecord, instant, TENANT_A, TENANT_B } from './builders.js';
import type { PersistenceFixture } from './persistence-fixture.js';

const NOW = instant('2025-06-01T12:00:00.000Z');
const ORIGIN: WriteOrigin = { channel: 'graphql', clientId: 'erp-1' };

function adjustment(values: InventoryValues, delta: number, extra: Partial<AdjustmentRow> = {}): AdjustmentRow {
  return { values, delta, note: { reason: 'receipt', reference: 'PO-1' }, allowNegative: false, ...extra };
}

/** The ledger's invariant: every record's movements, in id order, chain to its quantity. */
async function expectLedgerExplainsStock(db: PersistenceAdapters, tenant: TenantId, productIds: readonly number[]): Promise<void> {
  const movements = await db.stores.movements.list(tenant, {}, 100_000);
  const records = (await db.readModel.aggregate(tenant, productIds, {}, { startOfToday: NOW, now: NOW, withBalance: true })).flatMap((aggregate) => aggregate.balance ?? []);
  const byRecord = new Map<number, Movement[]>();
  for (const movement of movements) byRecord.set(movement.inventoryId, [...(byRecord.get(movement.inventoryId) ?? []), movement]);
  for (const record of records) {
    const own = byRecord.get(record.id) ?? [];
    expect(own.reduce((sum, movement) => sum + movement.delta, 0)).toBe(record.quantity);
    own.reduce((before, movement) => {
      expect(movement.quantityAfter).toBe(before + movement.delta);
      return movement.quantityAfter;
    }, 0);
  }
  for (const [id, own] of byRecord) {
    if (!records.some((record) => record.id === id)) expect(own.reduce((sum, movement) => sum + movement.delta, 0)).toBe(0);
  }
}

/** The ledger behaviour every persistence adapter shares with the in-memory reference. */
export function describeLedgerContract(name: string, fixture: PersistenceFixture): void {
  describe(`ledger contract: ${name}`, () => {
    let db: PersistenceAdapters;
    beforeEach(async () => {
      db = await fixture.create();
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    it('when records are created, set, adjusted and deleted, each quantity change appends one movement with its reason and origin', async () => {
      const record = await db.unitOfWork.run((stores) => stores.inventory.create(TENANT_A, aRecord().withQuantity(5).build(), NOW, ORIGIN));
      await db.unitOfWork.run((stores) => stores.inventory.update(TENANT_A, record.id, { notes: 'only notes' }, NOW, undefined, ORIGIN));
      await db.unitOfWork.run((stores) => stores.inventory.update(TENANT_A, record.id, { quantity: 9 }, NOW, undefined, ORIGIN));
      await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values: aRecord().withQuantity(9).build(), overwrite: [] }], NOW, ORIGIN));
      const [adjusted] = await db.unitOfWork.run((stores) => stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().build(), -4, { note: { reason: 'sale', reference: 'order-7' } })], NOW, ORIGIN));
      await db.unitOfWork.run((stores) => stores.inventory.delete(TENANT_A, record.id, undefined, NOW, ORIGIN));
      const movements = await db.stores.movements.list(TENANT_A, { inventoryId: record.id }, 100);
      expect(movements.map(({ delta, quantityAfter, reason, reference }) => ({ delta, quantityAfter, reason, reference }))).toEqual([
        { delta: 5, quantityAfter: 5, reason: 'set', reference: '' },
        { delta: 4, quantityAfter: 9, reason: 'set', reference: '' },
        { delta: -4, quantityAfter: 5, reason: 'sale', reference: 'order-7' },
        { delta: -5, quantityAfter: 0, reason: 'delete', reference: '' },
      ]);
      expect(movements[0]).toMatchObject({ productId: 1, inventoryType: 'local', supplier: 'INTERN', channel: 'graphql', clientId: 'erp-1', createdAt: NOW });
      expect(adjusted).toMatchObject({ status: 'applied', created: false, quantity: 5, version: 4, movementId: movements[2]?.id });
      expect(await db.stores.movements.list(TENANT_B, {}, 100)).toEqual([]);
    });

    it('when an adjustment would go below zero, or names a missing record with a negative delta, it is refused and writes nothing', async () => {
      await db.unitOfWork.run((stores) => stores.inventory.create(TENANT_A, aRecord().withQuantity(3).build(), NOW));
      const outcomes = await db.unitOfWork.run((stores) =>
        stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().build(), -5), adjustment(aRecord().inWarehouse(9).build(), -1)], NOW),
      );
      expect(outcomes).toEqual([{ status: 'insufficient', quantity: 3 }, { status: 'insufficient', quantity: 0 }]);
      const allowed = await db.unitOfWork.run((stores) => stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().build(), -5, { allowNegative: true })], NOW));
      expect(allowed[0]).toMatchObject({ status: 'applied', quantity: -2 });
      const wrongVersion = await db.unitOfWork.run((stores) => stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().build(), 1, { expectedVersion: 1 })], NOW));
      expect(wrongVersion).toEqual([{ status: 'version-conflict', version: 2 }]);
      const tooMuch = await db.unitOfWork.run((stores) => stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().build(), -999_999_999, { allowNegative: true })], NOW));
      expect(tooMuch).toEqual([{ status: 'out-of-range', quantity: -2 }]);
      const created = await db.unitOfWork.run((stores) => stores.inventory.adjustMany(TENANT_A, [adjustment(aRecord().inWarehouse(9).build(), 7)], NOW));
      expect(created[0]).toMatchObject({ status: 'applied', created: true, quantity: 7, version: 1 });
      await expectLedgerExplainsStock(db, TENANT_A, [1]);
    });

    it('when random writes of two tenants run, every record’s movements always sum to its quantity', async () => {
      const step = fc.record({
        tenant: fc.constantFrom(TENANT_A, TENANT_B),
        warehouseId: fc.integer({ min: 1, max: 3 }),
        kind: fc.constantFrom('set', 'adjust', 'patch', 'delete'),
        quantity: fc.integer({ min: -20, max: 20 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
          for (const { tenant, warehouseId, kind, quantity } of steps) {
            const values = aRecord().inWarehouse(warehouseId).withQuantity(quantity).build();
            await db.unitOfWork.run(async (stores) => {
              const [existing] = (await db.readModel.aggregate(tenant, [1], { warehouseIds: [warehouseId] }, { startOfToday: NOW, now: NOW, withBalance: true }))[0]?.balance ?? [];
              if (kind === 'set') await stores.inventory.upsertMany(tenant, [{ values, overwrite: [] }], NOW);
              if (kind === 'adjust' && quantity !== 0) await stores.inventory.adjustMany(tenant, [adjustment(values, quantity, { allowNegative: quantity % 2 === 0 })], NOW);
              if (kind === 'patch' && existing !== undefined) await stores.inventory.update(tenant, existing.id, { quantity }, NOW);
              if (kind === 'delete' && existing !== undefined) await stores.inventory.delete(tenant, existing.id, undefined, NOW);
            });
            await expectLedgerExplainsStock(db, tenant, [1]);
          }
        }),
        { numRuns: 15 },
      );
    });
  });
}
