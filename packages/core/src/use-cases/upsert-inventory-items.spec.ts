import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapters } from '../memory/create-memory-adapters.js';
import { aProduct, serviceOver, TENANT_A } from '../testing/index.js';
import type { InventoryService } from './inventory-service.js';
import type { BulkItemInput } from './upsert-inventory-items.js';

async function freshService(): Promise<InventoryService> {
  const db = createMemoryAdapters();
  await db.unitOfWork.run((stores) => stores.products.putMany(TENANT_A, [aProduct(1).withSku('A').costing('2').build(), aProduct(2).withSku('B').build()]));
  return serviceOver(db);
}

/**
 * Every record of products 1 and 2 by identity key, ids left out (they depend on write order) and
 * versions too: items merged into one write add one version where separate requests add one each.
 */
async function recordsByKey(service: InventoryService): Promise<Record<string, unknown>> {
  const aggregates = await service.getProductsInventory(TENANT_A, [1, 2], undefined, true);
  const records = aggregates.flatMap((aggregate) => aggregate.balance ?? []);
  return Object.fromEntries(records.map(({ id: _id, version: _version, createdAt: _created, lastModifiedAt: _modified, ...rest }) => [`${rest.productId}/${rest.warehouseId}/${rest.location}`, rest]));
}

const item: fc.Arbitrary<BulkItemInput> = fc.record(
  {
    productId: fc.constantFrom(1, 2, 3),
    warehouseId: fc.constantFrom(0, 1),
    location: fc.constantFrom('', 'L'),
    quantity: fc.integer({ min: -5, max: 50 }),
    notes: fc.constantFrom('n1', 'n2'),
    costPrice: fc.constantFrom(1.5, 3),
    nextDeliveryDate: fc.constantFrom('2030-01-01', null),
  },
  { requiredKeys: ['productId', 'quantity'] },
);

describe('upsertInventoryItems', () => {
  it('when items share identity keys in any order, one bulk request ends as the items applied one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 12 }), fc.array(item, { maxLength: 4 }), async (items, earlier) => {
        const bulk = await freshService();
        const oneByOne = await freshService();
        for (const service of [bulk, oneByOne]) await service.bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items: earlier });

        const results = await bulk.bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items });
        const single = [];
        for (const one of items) single.push(...(await oneByOne.bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items: [one] })));

        const summary = (list: typeof results) => list.map((result) => (result.success ? result.action : result.error.code));
        expect(summary(results)).toEqual(summary(single));
        expect(results.map((result) => result.index)).toEqual(items.map((_one, index) => index));
        expect(await recordsByKey(bulk)).toEqual(await recordsByKey(oneByOne));
      }),
      { numRuns: 150 },
    );
  });
});
