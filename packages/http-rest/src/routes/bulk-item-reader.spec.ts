import { describe, expect, it } from 'vitest';
import { readBulkItem } from './bulk-item-reader.js';

describe('readBulkItem', () => {
  it('accepts id as an alias of productId and drops absent fields', () => {
    expect(readBulkItem({ id: 7, quantity: 3 }, 'id')).toEqual({ productId: 7, quantity: 3 });
  });

  it('refuses an item carrying both id and productId, naming id', () => {
    expect(readBulkItem({ id: 7, productId: 8, quantity: 3 }, 'id')).toEqual({ invalid: [{ path: 'id', message: 'is an alias of productId: give one of the two' }], key: '8' });
  });

  it('names a malformed item by its lookup value when that is readable, the alias included', () => {
    expect(readBulkItem({ id: 7, quantity: 'many' }, 'id')).toMatchObject({ key: '7', invalid: [{ path: 'quantity' }] });
    expect(readBulkItem({ sku: 'W-1', quantity: 'many' }, 'sku')).toMatchObject({ key: 'W-1', invalid: [{ path: 'quantity' }] });
    expect(readBulkItem({ sku: { nested: true } }, 'sku')).toMatchObject({ invalid: [{ path: 'sku' }] });
    expect(readBulkItem({ sku: { nested: true } }, 'sku')).not.toHaveProperty('key');
  });

  it('fails an item that is not an object with a path relative to the item', () => {
    expect(readBulkItem(42, 'id')).toMatchObject({ invalid: [{ path: '' }] });
    expect(readBulkItem(null, 'sku')).toMatchObject({ invalid: [{ path: '' }] });
    expect(readBulkItem([{ productId: 1 }], 'id')).toMatchObject({ invalid: [{ path: '' }] });
  });

  it('keeps nextDeliveryDate null as given, for core to read as "no date"', () => {
    expect(readBulkItem({ productId: 1, quantity: 1, nextDeliveryDate: null }, 'id')).toEqual({ productId: 1, quantity: 1, nextDeliveryDate: null });
  });
});
