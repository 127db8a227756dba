import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOfUtcDay } from '../domain/instant.js';
import type { InventoryFilter } from '../domain/inventory-filter.js';
import { matchesFilter } from '../domain/inventory-filter.js';
import type { InventoryRecord, InventoryValues } from '../domain/inventory-record.js';
import { lookupString, type ProductLookup } from '../domain/lookup-key.js';
import { aggregateInventory } from '../domain/product-inventory.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { aProduct, aRecord, instant, TENANT_A, TENANT_B } from './builders.js';
import type { PersistenceFixture } from './persistence-fixture.js';

const NOW = instant('2025-06-15T10:00:00.000Z');
const TODAY = startOfUtcDay(NOW);
const options = { startOfToday: TODAY, now: NOW, withBalance: false };

/** The behaviour every `InventoryReadModel` must share with the pure aggregate (docs/rest.md). */
export function describeReadModelContract(name: string, fixture: PersistenceFixture): void {
  describe(`InventoryReadModel contract: ${name}`, () => {
    let db: PersistenceAdapters;
    beforeEach(async () => {
      db = await fixture.create();
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });
    const seed = async (tenant: typeof TENANT_A, ...values: InventoryValues[]): Promise<InventoryRecord[]> => {
      const records: InventoryRecord[] = [];
      for (const value of values) records.push(await db.stores.inventory.create(tenant, value, NOW));
      return records;
    };

    it('when records are local or supplier, reserved or not, each sum counts its own', async () => {
      await seed(
        TENANT_A,
        aRecord().withQuantity(10).build(),
        aRecord().withQuantity(5).inWarehouse(1).build(),
        aRecord().withQuantity(3).reservedFor(77).build(),
        aRecord().withQuantity(100).fromSupplier('Acme').build(),
        aRecord().withQuantity(-4).fromSupplier('Beta').build(),
        aRecord().withQuantity(20).fromSupplier('Acme').reservedFor(5).build(),
      );
      const [aggregate] = await db.readModel.aggregate(TENANT_A, [1], {}, options);
      expect(aggregate).toEqual({
        productId: 1,
        localQuantity: 15,
        localReservedQuantity: 3,
        supplierQuantity: 96,
        supplierReservedQuantity: 20,
        totalQuantity: 111,
        totalReservedQuantity: 23,
        nextDeliveryDate: null,
        heldQuantity: 0,
        availableQuantity: 111,
      });
    });

    it('when delivery dates lie in the past, today or later, the earliest from the start of today counts', async () => {
      await seed(
        TENANT_A,
        aRecord().inWarehouse(1).deliveringOn('2025-06-14T23:59:59.999Z').build(),
        aRecord().inWarehouse(2).deliveringOn('2025-07-01T00:00:00.000Z').build(),
        aRecord().inWarehouse(3).deliveringOn('2025-06-15T00:00:00.000Z').build(),
        aRecord().inWarehouse(4).deliveringOn(null).build(),
      );
      const [aggregate] = await db.readModel.aggregate(TENANT_A, [1], {}, options);
      expect(aggregate?.nextDeliveryDate).toBe('2025-06-15T00:00:00.000Z');
      const [future] = await db.readModel.aggregate(TENANT_A, [1], { warehouseIds: [1, 2, 4] }, options);
      expect(future?.nextDeliveryDate).toBe('2025-07-01T00:00:00.000Z');
      const [past] = await db.readModel.aggregate(TENANT_A, [1], { warehouseIds: [1, 4] }, options);
      expect(past?.nextDeliveryDate).toBeNull();
    });

    it('when products have no records, they aggregate to zeros in the order asked', async () => {
      await seed(TENANT_A, aRecord().forProduct(2).withQuantity(4).build());
      const aggregates = await db.readModel.aggregate(TENANT_A, [9, 2, 1], {}, options);
      expect(aggregates.map((aggregate) => [aggregate.productId, aggregate.totalQuantity])).toEqual([[9, 0], [2, 4], [1, 0]]);
      expect(aggregates[0]).toEqual({ productId: 9, totalQuantity: 0, totalReservedQuantity: 0, localQuantity: 0, localReservedQuantity: 0, supplierQuantity: 0, supplierReservedQuantity: 0, nextDeliveryDate: null, heldQuantity: 0, availableQuantity: 0 });
    });

    it('when thousands of products are aggregated at once, each gets its own figures', async () => {
      await seed(TENANT_A, aRecord().forProduct(1500).withQuantity(15).build(), aRecord().forProduct(3).withQuantity(3).build());
      const ids = Array.from({ length: 3000 }, (_, index) => index + 1);
      const aggregates = await db.readModel.aggregate(TENANT_A, ids, {}, options);
      expect(aggregates).toHaveLength(3000);
      expect(aggregates[1499]?.totalQuantity).toBe(15);
      expect(aggregates[2]?.totalQuantity).toBe(3);
      expect(aggregates.reduce((sum, aggregate) => sum + aggregate.totalQuantity, 0)).toBe(18);
    });

    it('when a warehouse is given, only its records count and balance lists them by id', async () => {
      const [inOne, , inOneToo] = await seed(TENANT_A, aRecord().inWarehouse(1).withQuantity(1).build(), aRecord().inWarehouse(2).withQuantity(2).build(), aRecord().inWarehouse(1).atLocation('x').withQuantity(4).build());
      const [aggregate] = await db.readModel.aggregate(TENANT_A, [1], { warehouseIds: [1] }, { ...options, withBalance: true });
      expect(aggregate?.localQuantity).toBe(5);
      expect(aggregate?.balance).toEqual([inOne, inOneToo]);
    });

    it('when another tenant has records for the product, they never count', async () => {
      await seed(TENANT_A, aRecord().withQuantity(1).build());
      await seed(TENANT_B, aRecord().withQuantity(1000).build(), aRecord().forProduct(2).build());
      const [aggregate] = await db.readModel.aggregate(TENANT_A, [1], {}, { ...options, withBalance: true });
      expect(aggregate?.totalQuantity).toBe(1);
      expect(aggregate?.balance).toHaveLength(1);
      const page = await db.readModel.search(TENANT_A, {}, { page: 1, size: 10 }, options);
      expect(page.itemsFound).toBe(1);
    });

    it('when searching, pages count products ordered by id', async () => {
      await seed(TENANT_A, ...[5, 3, 9, 1, 7].flatMap((id) => [aRecord().forProduct(id).withQuantity(id).build(), aRecord().forProduct(id).inWarehouse(1).withQuantity(1).build()]));
      const first = await db.readModel.search(TENANT_A, {}, { page: 1, size: 2 }, options);
      expect(first.itemsFound).toBe(5);
      expect(first.items.map((item) => [item.productId, item.totalQuantity])).toEqual([[1, 2], [3, 4]]);
      const last = await db.readModel.search(TENANT_A, {}, { page: 3, size: 2 }, options);
      expect(last.items.map((item) => item.productId)).toEqual([9]);
      const past = await db.readModel.search(TENANT_A, {}, { page: 4, size: 2 }, options);
      expect(past).toEqual({ items: [], itemsFound: 5 });
    });

    const filters: [string, InventoryFilter][] = [
      ['skus', { skus: ['S-2'] }],
      ['warehouseIds', { warehouseIds: [2, 3] }],
      ['locations', { locations: ['B'] }],
      ['local type', { type: 'local' }],
      ['supplier type', { type: 'supplier' }],
      ['suppliers', { suppliers: ['Acme'] }],
      ['companyIds', { companyIds: [0] }],
      ['modifiedSince', { modifiedSince: instant('2025-06-15T10:00:00.001Z') }],
      ['several at once', { warehouseIds: [1, 2], type: 'supplier', companyIds: [0, 4] }],
    ];
    it.each(filters)('when searching by %s, aggregates and balance cover only matching records', async (_name, filter) => {
      const values = [
        aRecord().forProduct(1).withSku('S-1').inWarehouse(1).build(),
        aRecord().forProduct(1).withSku('S-2').inWarehouse(2).atLocation('B').fromSupplier('Acme').withQuantity(7).build(),
        aRecord().forProduct(2).withSku('S-2').inWarehouse(3).reservedFor(4).withQuantity(3).build(),
        aRecord().forProduct(3).inWarehouse(2).fromSupplier('Beta').reservedFor(4).withQuantity(8).build(),
      ];
      const records = await seed(TENANT_A, ...values);
      const write = await db.stores.inventory.update(TENANT_A, records[3]?.id ?? 0, { notes: 'touched' }, instant('2025-06-15T11:00:00.000Z'));
      const late = write.status === 'written' ? write.record : undefined;
      const current = records.map((record) => (record.id === late?.id ? late : record));
      const page = await db.readModel.search(TENANT_A, filter, { page: 1, size: 100 }, { ...options, withBalance: true });
      const expected = [1, 2, 3]
        .map((id) => current.filter((record) => record.productId === id && matchesFilter(record, filter)))
        .filter((matching) => matching.length > 0)
        .map((matching) => ({ ...aggregateInventory(matching[0]?.productId ?? 0, matching, TODAY), balance: matching }));
      expect(page).toEqual({ items: expected, itemsFound: expected.length });
    });

    it('when it aggregates by lookup, it answers as resolving the product through the directory and then aggregating it', async () => {
      const combined = db.readModel.aggregateOfLookup?.bind(db.readModel);
      // An optional port method: adapters without it (the in-memory reference) resolve through the directory.
      if (combined === undefined) return;
      await db.unitOfWork.run(async (stores) => {
        await stores.products.putMany(TENANT_A, [aProduct(1).withSku('W-1').suppliedBy('Acme', 'AC-1').withSource('erp', 'e-1').build(), aProduct(2).withSku('DUP').build(), aProduct(3).withSku('DUP').build(), aProduct(4).withSku('EMPTY').build()]);
        await stores.products.putMany(TENANT_B, [aProduct(9).withSku('W-1').suppliedBy('Acme', 'AC-1').withSource('erp', 'e-1').build()]);
      });
      await seed(TENANT_A, aRecord().forProduct(1).inWarehouse(1).withQuantity(4).build(), aRecord().forProduct(1).inWarehouse(2).fromSupplier('Acme').withQuantity(6).deliveringOn('2025-07-01').build(), aRecord().forProduct(2).withQuantity(1).build());
      await seed(TENANT_B, aRecord().forProduct(9).withQuantity(50).build(), aRecord().forProduct(1).withQuantity(70).build());
      const lookups: ProductLookup[] = [
        ...['1', '4', '9', '007', '99999999999'].map((key) => ({ kind: 'id' as const, key, qualifier: '' })),
        ...['W-1', 'DUP', 'EMPTY', 'nope'].map((key) => ({ kind: 'sku' as const, key, qualifier: '' })),
        { kind: 'supplierCode', key: 'AC-1', qualifier: 'Acme' },
        { kind: 'supplierCode', key: 'AC-1', qualifier: 'Other' },
        { kind: 'sourceId', key: 'e-1', qualifier: 'erp' },
        { kind: 'sourceId', key: 'e-1', qualifier: 'shop' },
      ];
      for (const lookup of lookups) {
        for (const filter of [{}, { warehouseIds: [2] }]) {
          const found = (await db.stores.products.resolve(TENANT_A, lookup.kind, [lookup])).get(lookupString(lookup)) ?? [];
          const [only] = found;
          const aggregate = found.length === 1 && only !== undefined ? (await db.readModel.aggregate(TENANT_A, [only.id], filter, options))[0] : undefined;
          expect({ lookup, filter, ...(await combined(TENANT_A, lookup, filter, options)) }).toEqual({ lookup, filter, matches: Math.min(found.length, 2), aggregate });
        }
      }
    });

    it('equals the pure aggregate over random records', async () => {
      const recordArb = fc.record({
        productId: fc.integer({ min: 1, max: 3 }),
        supplier: fc.constantFrom('INTERN', 'Acme', 'Beta'),
        companyId: fc.constantFrom(0, 0, 1, 2),
        warehouseId: fc.integer({ min: 0, max: 2 }),
        quantity: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        day: fc.option(fc.integer({ min: 10, max: 20 })),
      });
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(recordArb, { selector: (r) => [r.productId, r.supplier, r.companyId, r.warehouseId].join(), maxLength: 25 }), async (generated) => {
          await fixture.cleanup?.();
          db = await fixture.create();
          const records = await seed(
            TENANT_A,
            ...generated.map((r) =>
              aRecord().forProduct(r.productId).fromSupplier(r.supplier).reservedFor(r.companyId).inWarehouse(r.warehouseId).withQuantity(r.quantity).deliveringOn(r.day === null ? null : `2025-06-${r.day}T06:00:00Z`).build(),
            ),
          );
          const aggregates = await db.readModel.aggregate(TENANT_A, [1, 2, 3], {}, options);
          expect(aggregates).toEqual([1, 2, 3].map((id) => aggregateInventory(id, records.filter((record) => record.productId === id), TODAY)));
        }),
        { numRuns: 15 },
      );
    });
  });
}
