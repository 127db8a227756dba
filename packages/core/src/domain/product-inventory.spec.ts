import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aRecord, instant } from '../testing/builders.js';
import type { InventoryRecord } from './inventory-record.js';
import { aggregateInventory } from './product-inventory.js';

const TODAY = instant('2025-06-15');
const asRecord = (id: number, values = aRecord().build()): InventoryRecord => ({ ...values, id, version: 1, createdAt: TODAY, lastModifiedAt: TODAY });

describe('aggregateInventory', () => {
  it('when a product has no records, everything is zero and the date null', () => {
    expect(aggregateInventory(4, [], TODAY)).toEqual({ productId: 4, totalQuantity: 0, totalReservedQuantity: 0, localQuantity: 0, localReservedQuantity: 0, supplierQuantity: 0, supplierReservedQuantity: 0, nextDeliveryDate: null, heldQuantity: 0, availableQuantity: 0 });
  });

  it('totals always equal the sum of their parts, and of all quantities', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ quantity: fc.integer({ min: -1e9, max: 1e9 }), supplier: fc.constantFrom('INTERN', 'Acme'), companyId: fc.constantFrom(0, 3) })), (rows) => {
        const records = rows.map((row, index) => asRecord(index + 1, aRecord().fromSupplier(row.supplier).reservedFor(row.companyId).withQuantity(row.quantity).build()));
        const aggregate = aggregateInventory(1, records, TODAY);
        expect(aggregate.totalQuantity).toBe(aggregate.localQuantity + aggregate.supplierQuantity);
        expect(aggregate.totalReservedQuantity).toBe(aggregate.localReservedQuantity + aggregate.supplierReservedQuantity);
        expect(aggregate.totalQuantity + aggregate.totalReservedQuantity).toBe(rows.reduce((sum, row) => sum + row.quantity, 0));
      }),
    );
  });

  it('the next delivery is the earliest on or after the start of today', () => {
    const records = ['2025-06-14T23:59:59.999Z', '2025-06-20', '2025-06-15T00:00:00.000Z', null].map((date, index) => asRecord(index + 1, aRecord().deliveringOn(date).build()));
    expect(aggregateInventory(1, records, TODAY).nextDeliveryDate).toBe('2025-06-15T00:00:00.000Z');
    expect(aggregateInventory(1, records.slice(0, 2), TODAY).nextDeliveryDate).toBe('2025-06-20T00:00:00.000Z');
  });
});
