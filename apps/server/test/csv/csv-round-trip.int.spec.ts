import fc from 'fast-check';
import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData } from '../support/expectations.js';
import { aProduct } from '../support/request-builders.js';
import { csvText, importText } from './csv-requests.js';

const PRODUCTS = [1, 2, 3] as const;
const HEADER = ['lookupKey', 'inventoryType', 'productId', 'quantity', 'sku', 'supplier', 'supplierCode', 'warehouseId', 'companyId', 'location', 'costPrice', 'nextDeliveryDate', 'notes'];

/** Text with the characters CSV writers and readers get wrong: delimiters, quotes, newlines, formula starts. */
function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const unit = fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '"', "'", '\n', '\t', 'é', '€', '中', '=', '+', '-', '@', '#');
  return fc.string({ unit, minLength, maxLength });
}

type Stored = Omit<RecordJson, 'id' | 'createdAt' | 'lastModifiedAt' | 'version'>;

const record: fc.Arbitrary<Stored> = fc
  .record({
    productId: fc.constantFrom(...PRODUCTS),
    local: fc.boolean(),
    supplier: text(1, 35).filter((name) => name !== 'INTERN'),
    supplierCode: text(0, 30),
    sku: text(1, 30),
    quantity: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    warehouseId: fc.nat(100_000),
    companyId: fc.nat(50),
    location: text(0, 35),
    costUnits: fc.integer({ min: 0, max: 9_999_999_999 }),
    nextDeliveryDate: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), { nil: null }),
    notes: text(0, 255),
  })
  .map(({ local, costUnits, nextDeliveryDate, ...rest }) => ({
    ...rest,
    supplier: local ? 'INTERN' : rest.supplier,
    costPrice: Number(`${Math.floor(costUnits / 100_000)}.${String(costUnits % 100_000).padStart(5, '0')}`),
    nextDeliveryDate: nextDeliveryDate?.toISOString() ?? null,
  }));

const identity = (stored: Stored): string => JSON.stringify([stored.productId, stored.supplier, stored.supplierCode, stored.location, stored.warehouseId, stored.companyId]);

function row(stored: Stored): string[] {
  const local = stored.supplier === 'INTERN';
  return [
    'id',
    local ? 'local' : 'supplier',
    String(stored.productId),
    String(stored.quantity),
    stored.sku,
    local ? '' : stored.supplier,
    stored.supplierCode,
    String(stored.warehouseId),
    String(stored.companyId),
    stored.location,
    String(stored.costPrice),
    stored.nextDeliveryDate ?? '',
    stored.notes,
  ];
}

const sorted = (records: readonly Stored[]): Stored[] => [...records].sort((a, b) => identity(a).localeCompare(identity(b)));

describeE2e('CSV import: round trip', (server) => {
  it('random records written as CSV with proper quoting and imported read back exactly as they were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(record, { minLength: 1, maxLength: 25, selector: identity }), fc.constantFrom('\n', '\r\n'), async (records, lineEnd) => {
        const tenant = server().tenant();
        await registerProducts(tenant.writer, ...PRODUCTS.map((id) => aProduct(id)));
        const data = expectData(await importText(tenant.writer, csvText([HEADER, ...records.map(row)], lineEnd)));
        expect(data).toEqual({ importedCount: records.length, createdCount: records.length, updatedCount: 0, errors: [] });
        const stored: Stored[] = [];
        for (const productId of PRODUCTS) {
          for (const { id: _id, version: _version, createdAt: _created, lastModifiedAt: _modified, ...rest } of await balanceOf(tenant.reader, productId)) stored.push(rest);
        }
        expect(sorted(stored)).toEqual(sorted(records));
      }),
      { numRuns: 12 },
    );
  });
});
