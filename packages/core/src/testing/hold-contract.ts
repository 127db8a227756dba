import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clocks/manual-clock.js';
import type { InventoryRecord } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import type { CreateHoldCommand, HoldLineInput } from '../use-cases/create-hold.js';
import { expireHolds } from '../use-cases/expire-holds.js';
import type { InventoryService } from '../use-cases/inventory-service.js';
import { aProduct, aRecord, TENANT_A, TENANT_B } from './builders.js';
import { expectCode } from './inventory-repository-contract.js';
import type { PersistenceFixture } from './persistence-fixture.js';
import { serviceOver } from './service-over.js';

export const HOLD_START = '2025-06-15T10:00:00.000Z';

/** A hold line naming the product by id. */
export function holdLine(productId: number, quantity: number, warehouseId?: number): HoldLineInput {
  return { lookup: { kind: 'id', key: String(productId), qualifier: '' }, quantity, ...(warehouseId !== undefined && { warehouseId }) };
}

export function holdOf(reference: string, lines: readonly HoldLineInput[], expiresIn?: number): CreateHoldCommand {
  return { reference, lines, ...(expiresIn !== undefined && { expiresIn }) };
}

/** Holds (docs/holds.md) over a real adapter: placement, availability, expiry, commit, release, extend, listing. */
export function describeHoldContract(name: string, fixture: PersistenceFixture): void {
  describe(`holds over ${name}`, () => {
    let db: PersistenceAdapters;
    let clock: ManualClock;
    let service: InventoryService;
    const records = new Map<string, InventoryRecord>();
    const put = async (label: string, values: ReturnType<typeof aRecord>, tenant: TenantId = TENANT_A): Promise<void> => {
      records.set(label, await db.stores.inventory.create(tenant, values.build(), clock.now()));
    };
    const available = async (productId: number, warehouseId?: number, tenant: TenantId = TENANT_A): Promise<[number, number]> => {
      const aggregate = await service.getProductInventory(tenant, { lookup: { kind: 'id', key: String(productId), qualifier: '' }, withBalance: false, ...(warehouseId !== undefined && { warehouseId }) });
      expect(aggregate.availableQuantity).toBe(aggregate.totalQuantity - aggregate.heldQuantity);
      return [aggregate.heldQuantity, aggregate.availableQuantity];
    };
    const quantityOf = async (label: string): Promise<[number, number] | undefined> => {
      const record = await db.stores.inventory.get(TENANT_A, records.get(label)?.id ?? 0);
      return record === undefined ? undefined : [record.quantity, record.version];
    };

    beforeEach(async () => {
      db = await fixture.create();
      clock = new ManualClock(HOLD_START);
      service = serviceOver(db, clock);
      records.clear();
      for (const tenant of [TENANT_A, TENANT_B]) await db.unitOfWork.run((stores) => stores.products.putMany(tenant, [aProduct(1).withSku('W-1').build(), aProduct(2).withSku('W-2').build(), aProduct(3).build()]));
      await put('local-w1', aRecord().forProduct(1).withQuantity(6).inWarehouse(1));
      await put('local-w2', aRecord().forProduct(1).withQuantity(4).inWarehouse(2));
      await put('supplier-w1', aRecord().forProduct(1).fromSupplier('Acme').withQuantity(5).inWarehouse(1));
      await put('reserved', aRecord().forProduct(1).withQuantity(100).inWarehouse(1).reservedFor(7));
      await put('other', aRecord().forProduct(2).withQuantity(3));
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    it('when a hold is placed, its stock is held in every aggregate scope until it expires', async () => {
      const hold = await service.createHold(TENANT_A, holdOf('cart-1', [holdLine(1, 2, 1), holdLine(1, 3)], 60));
      expect(hold).toMatchObject({ reference: 'cart-1', status: 'active', createdAt: HOLD_START, expiresAt: '2025-06-15T10:01:00.000Z' });
      expect(hold.lines).toEqual([{ productId: 1, warehouseId: 1, quantity: 2 }, { productId: 1, warehouseId: null, quantity: 3 }]);
      expect(await available(1)).toEqual([5, 10]);
      expect(await available(1, 1)).toEqual([2, 9]);
      expect(await available(1, 2)).toEqual([0, 4]);
      const [searched] = (await service.searchProductInventory(TENANT_A, { warehouseIds: [1] }, { page: 1, size: 10 }, false)).items;
      expect([searched?.heldQuantity, searched?.availableQuantity]).toEqual([2, 9]);
      const [byId] = await service.getProductsInventory(TENANT_A, [1, 3], undefined, false);
      expect([byId?.heldQuantity, byId?.availableQuantity]).toEqual([5, 10]);
      expect(await available(2)).toEqual([0, 3]);
      clock.advance(59_999);
      expect(await available(1)).toEqual([5, 10]);
      clock.advance(1);
      expect(await available(1)).toEqual([0, 15]);
      expect((await service.getHold(TENANT_A, hold.id)).status).toBe('expired');
    });

    it('when one line does not fit, nothing is held and every short line is named', async () => {
      await service.createHold(TENANT_A, holdOf('first', [holdLine(1, 8)]));
      const refused = service.createHold(TENANT_A, holdOf('second', [holdLine(2, 1), holdLine(1, 5, 2), holdLine(1, 8)]));
      const error = await expectCode(refused, 'INSUFFICIENT_STOCK');
      expect(error.details).toEqual([{ path: 'lines.1', message: 'requested 5, available 4' }, { path: 'lines.2', message: 'requested 8, available 7' }]);
      expect(await available(2)).toEqual([0, 3]);
      expect(await available(1)).toEqual([8, 7]);
      expect((await service.listHolds(TENANT_A, { reference: 'second' }, { page: 1, size: 10 })).items).toEqual([]);
    });

    it('when lines of one hold name the same product, they must fit together', async () => {
      await expectCode(service.createHold(TENANT_A, holdOf('twice', [holdLine(2, 2), holdLine(2, 2)])), 'INSUFFICIENT_STOCK');
      const hold = await service.createHold(TENANT_A, holdOf('twice', [holdLine(2, 1), holdLine(2, 2)]));
      expect(hold.lines).toHaveLength(2);
      expect(await available(2)).toEqual([3, 0]);
      await expectCode(service.createHold(TENANT_A, holdOf('more', [holdLine(2, 1)])), 'INSUFFICIENT_STOCK');
    });

    it('when a hold is committed, local records give first, then supplier ones, each down to zero in id order', async () => {
      const hold = await service.createHold(TENANT_A, holdOf('order-1', [holdLine(1, 8, 1)]));
      const committed = await service.commitHold(TENANT_A, hold.id);
      expect(committed.status).toBe('committed');
      expect(await quantityOf('local-w1')).toEqual([0, 2]);
      expect(await quantityOf('supplier-w1')).toEqual([3, 2]);
      expect(await quantityOf('local-w2')).toEqual([4, 1]);
      expect(await quantityOf('reserved')).toEqual([100, 1]);
      expect(await available(1)).toEqual([0, 7]);
      await expectCode(service.commitHold(TENANT_A, hold.id), 'HOLD_NOT_ACTIVE');
      await expectCode(service.releaseHold(TENANT_A, hold.id), 'HOLD_NOT_ACTIVE');
    });

    it('when a commit needs more than its scope has, the remainder comes from the last record', async () => {
      const hold = await service.createHold(TENANT_A, holdOf('order-2', [holdLine(1, 15)]));
      await db.stores.inventory.update(TENANT_A, records.get('local-w2')?.id ?? 0, { quantity: 0 }, clock.now());
      await service.commitHold(TENANT_A, hold.id);
      expect(await quantityOf('local-w1')).toEqual([0, 2]);
      expect(await quantityOf('local-w2')).toEqual([0, 2]);
      expect(await quantityOf('supplier-w1')).toEqual([-4, 2]);
      expect(await quantityOf('other')).toEqual([3, 1]);
    });

    it('when a hold is released, its stock is free again and it can no longer change', async () => {
      const hold = await service.createHold(TENANT_A, holdOf('cart-2', [holdLine(2, 3)]));
      expect(await available(2)).toEqual([3, 0]);
      expect((await service.releaseHold(TENANT_A, hold.id)).status).toBe('released');
      expect(await available(2)).toEqual([0, 3]);
      expect(await quantityOf('other')).toEqual([3, 1]);
      await expectCode(service.extendHold(TENANT_A, hold.id, 60), 'HOLD_NOT_ACTIVE');
    });

    it('when a hold is extended, its expiry moves to now plus the given seconds', async () => {
      const hold = await service.createHold(TENANT_A, holdOf('cart-3', [holdLine(2, 1)], 10));
      clock.advance(5_000);
      const extended = await service.extendHold(TENANT_A, hold.id, 30);
      expect(extended.expiresAt).toBe('2025-06-15T10:00:35.000Z');
      clock.advance(20_000);
      expect(await available(2)).toEqual([1, 2]);
      clock.advance(10_000);
      expect(await available(2)).toEqual([0, 3]);
      await expectCode(service.extendHold(TENANT_A, hold.id, 30), 'HOLD_NOT_ACTIVE');
      await expectCode(service.commitHold(TENANT_A, hold.id), 'HOLD_NOT_ACTIVE');
      await expectCode(service.extendHold(TENANT_A, hold.id, 0), 'VALIDATION_FAILED');
    });

    it('when a hold id is unknown, foreign or not an id at all, the answer is HOLD_NOT_FOUND', async () => {
      const own = await service.createHold(TENANT_A, holdOf('a', [holdLine(2, 1)]));
      for (const id of ['999999', 'abc', '-1', '1e3', '']) await expectCode(service.getHold(TENANT_A, id), 'HOLD_NOT_FOUND');
      await expectCode(service.getHold(TENANT_B, own.id), 'HOLD_NOT_FOUND');
      await expectCode(service.commitHold(TENANT_B, own.id), 'HOLD_NOT_FOUND');
      await expectCode(service.releaseHold(TENANT_B, own.id), 'HOLD_NOT_FOUND');
      await expectCode(service.extendHold(TENANT_B, own.id, 5), 'HOLD_NOT_FOUND');
      expect((await service.getHold(TENANT_A, own.id)).status).toBe('active');
    });

    it('when another tenant holds the same product id, neither sees the other’s holds', async () => {
      await db.stores.inventory.create(TENANT_B, aRecord().forProduct(2).withQuantity(1).build(), clock.now());
      await service.createHold(TENANT_B, holdOf('b', [holdLine(2, 1)]));
      expect(await available(2)).toEqual([0, 3]);
      expect(await available(2, undefined, TENANT_B)).toEqual([1, 0]);
      expect((await service.listHolds(TENANT_A, {}, { page: 1, size: 10 })).items).toEqual([]);
    });

    it('when holds are listed, they filter by reference and status as they stand now, newest first, paginated', async () => {
      const a = await service.createHold(TENANT_A, holdOf('r1', [holdLine(2, 1)], 10));
      const b = await service.createHold(TENANT_A, holdOf('r1', [holdLine(2, 1)], 100));
      const c = await service.createHold(TENANT_A, holdOf('r2', [holdLine(2, 1)], 100));
      await service.releaseHold(TENANT_A, c.id);
      clock.advance(10_000);
      const ids = async (query: { reference?: string; status?: string }, page = 1, size = 10) => (await service.listHolds(TENANT_A, query, { page, size })).items.map((hold) => [hold.id, hold.status]);
      expect(await ids({ reference: 'r1' })).toEqual([[b.id, 'active'], [a.id, 'expired']]);
      expect(await ids({ status: 'expired' })).toEqual([[a.id, 'expired']]);
      expect(await ids({ status: 'active' })).toEqual([[b.id, 'active']]);
      expect(await ids({ status: 'released' })).toEqual([[c.id, 'released']]);
      expect(await ids({}, 2, 2)).toEqual([[a.id, 'expired']]);
      expect((await service.listHolds(TENANT_A, {}, { page: 2, size: 2 })).page).toMatchObject({ itemsFound: 3, pages: 2, start: 3, end: 3 });
      await expectCode(service.listHolds(TENANT_A, { status: 'gone' }, { page: 1, size: 10 }), 'VALIDATION_FAILED');
    });

    it('when the sweeper runs, holds past expiry are marked expired and nothing else changes', async () => {
      const early = await service.createHold(TENANT_A, holdOf('e', [holdLine(2, 1)], 5));
      const late = await service.createHold(TENANT_A, holdOf('l', [holdLine(2, 1)], 50));
      clock.advance(5_000);
      expect(await expireHolds({ holds: db.holds, clock })).toBe(1);
      expect(await expireHolds({ holds: db.holds, clock })).toBe(0);
      expect((await db.holds.get(TENANT_A, early.id))?.status).toBe('expired');
      expect((await db.holds.get(TENANT_A, late.id))?.status).toBe('active');
      expect(await available(2)).toEqual([1, 2]);
    });

    it('when a hold is invalid, it fails with the offending path and holds nothing', async () => {
      const bad = async (command: CreateHoldCommand, path: string) => expect((await expectCode(service.createHold(TENANT_A, command), 'VALIDATION_FAILED')).details.map((issue) => issue.path)).toContain(path);
      await bad(holdOf('', [holdLine(2, 1)]), 'reference');
      await bad(holdOf('x'.repeat(256), [holdLine(2, 1)]), 'reference');
      await bad(holdOf('r', []), 'lines');
      await bad(holdOf('r', [holdLine(2, 0)]), 'lines.0.quantity');
      await bad(holdOf('r', [holdLine(2, 1)], 604_801), 'expiresIn');
      await bad(holdOf('r', [holdLine(2, 1, -1)]), 'lines.0.warehouseId');
      await bad(holdOf('r', Array.from({ length: 101 }, () => holdLine(2, 1))), 'lines');
      const missing = await expectCode(service.createHold(TENANT_A, holdOf('r', [holdLine(2, 1), { lookup: { kind: 'sku', key: 'NOPE', qualifier: '' }, quantity: 1 }])), 'PRODUCT_NOT_FOUND');
      expect(missing.details.map((issue) => issue.path)).toEqual(['lines.1']);
      expect(await available(2)).toEqual([0, 3]);
    });
  });
}
