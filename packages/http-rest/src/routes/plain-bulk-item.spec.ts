import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkItemSchema } from './bulk-item-schema.js';
import { plainBulkItem } from './plain-bulk-item.js';

const KEYS = ['productId', 'sourceId', 'source', 'quantity', 'warehouseId', 'companyId', 'location', 'supplier', 'supplierCode', 'sku', 'costPrice', 'nextDeliveryDate', 'notes', 'id', 'extra', '__proto__'];

/** Values near every limit of the schema: integer bounds, lengths, NUL, lone surrogates, astral characters, wrong types. */
const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 2_147_483_647, 2_147_483_648, 1_000_000_000, -1_000_000_000, -1_000_000_001, Number.MAX_SAFE_INTEGER, 1e300, null, true, '', 'a\u0000b', 'a\ud800', '\udfff', '\ud83d\ude00'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 70 }),
  fc.constantFrom(30, 35, 64, 255, 256).map((length) => 'x'.repeat(length)),
  fc.constantFrom(16, 17, 32, 33, 128, 129).map((count) => '😀'.repeat(count)),
  fc.constant([1]),
  fc.constant({ nested: 1 }),
);

/** An integer around a field's bounds (just inside or just outside). */
const around = (min: number, max: number): fc.Arbitrary<number> => fc.oneof(fc.integer({ min: min - 1, max: min + 1 }), fc.integer({ min: max - 1, max: max + 1 }), fc.integer({ min, max }));
/** A text around a field's maximum length, sometimes with astral characters or NUL. */
const textAround = (max: number): fc.Arbitrary<string> => fc.oneof(fc.string({ minLength: max - 1, maxLength: max + 1 }), fc.string({ unit: 'binary', maxLength: max + 2 }), fc.string({ maxLength: 5 }));

/** Items as JSON.parse makes them (own `__proto__` keys included), mostly of near-valid fields. */
const fields = fc.record(
  {
    productId: around(1, 2_147_483_647),
    sourceId: textAround(64),
    source: textAround(64),
    quantity: around(-1_000_000_000, 1_000_000_000),
    warehouseId: around(0, 2_147_483_647),
    companyId: around(0, 2_147_483_647),
    location: textAround(35),
    supplier: textAround(35),
    supplierCode: textAround(30),
    sku: textAround(30),
    costPrice: fc.double({ noNaN: true, noDefaultInfinity: true }),
    nextDeliveryDate: fc.option(textAround(30), { nil: null }),
    notes: textAround(255),
  },
  { requiredKeys: [] },
);
const item = fc
  .tuple(fields, fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 1 }))
  .map(([given, odd]) => JSON.parse(JSON.stringify({ ...given, ...odd })) as unknown);

describe('plainBulkItem', () => {
  it('accepts exactly the items bulkItemSchema accepts unchanged, and nothing it refuses', () => {
    let accepted = 0;
    fc.assert(
      fc.property(item, (raw) => {
        const plain = plainBulkItem(raw);
        const parsed = bulkItemSchema.safeParse(raw);
        accepted += plain === undefined ? 0 : 1;
        if (plain !== undefined) {
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(plain);
        } else if (parsed.success) {
          // Deferring to zod is always allowed; only the `id` alias, or strings longer in UTF-16 units than in code points, may need it.
          expect('id' in (raw as object) || Object.values(raw as object).some((entry) => typeof entry === 'string' && entry.length !== Array.from(entry).length)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(300);
    // 5,000 zod parses take about a second alone; a loaded CI machine may need several.
  }, 30_000);

  it('when an item is valid and plain, it is returned as it is, without a copy', () => {
    const raw = JSON.parse('{"productId":7,"quantity":-3,"sku":"W-1","costPrice":1.5,"nextDeliveryDate":null}') as unknown;
    expect(plainBulkItem(raw)).toBe(raw);
  });

  it('when an item uses the id alias, is not a plain object or holds a wrong value, zod reads it', () => {
    expect(plainBulkItem({ id: 7, quantity: 3 })).toBeUndefined();
    expect(plainBulkItem([{ productId: 1 }])).toBeUndefined();
    expect(plainBulkItem(Object.assign(Object.create(null) as object, { productId: 1 }))).toBeUndefined();
    expect(plainBulkItem({ productId: 1, quantity: 1.5 })).toBeUndefined();
    expect(plainBulkItem({ productId: 1, notes: 'a\u0000' })).toBeUndefined();
  });
});
