import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData } from '../support/expectations.js';
import { aProduct } from '../support/request-builders.js';
import type { TenantClients } from '../support/e2e-server.js';
import { csvText, importMultipart, importText, type CsvMappingInput } from './csv-requests.js';

/** The 17 fields with their default headers, in the order of docs/csv-import.md. */
const FIELDS: readonly (readonly [field: string, header: string, custom: string])[] = [
  ['LOOKUP_KEY', 'lookupKey', 'Key Type'],
  ['INVENTORY_TYPE', 'inventoryType', 'Stock Type'],
  ['QUANTITY', 'quantity', 'Qty'],
  ['SKU', 'sku', 'Article'],
  ['SUPPLIER_CODE', 'supplierCode', 'Supplier No'],
  ['SUPPLIER', 'supplier', 'Vendor'],
  ['PRODUCT_ID', 'productId', 'Product'],
  ['SOURCE_ID', 'sourceId', 'Shop Ref'],
  ['SOURCE_NAME', 'sourceName', 'Shop'],
  ['WAREHOUSE_ID', 'warehouseId', 'Warehouse'],
  ['COMPANY_ID', 'companyId', 'Company'],
  ['COMPANY_SOURCE_ID', 'companySourceId', 'Company Ref'],
  ['COMPANY_SOURCE_NAME', 'companySourceName', 'Company Shop'],
  ['LOCATION', 'location', 'Bin'],
  ['COST_PRICE', 'costPrice', 'Cost'],
  ['NEXT_DELIVERY_DATE', 'nextDeliveryDate', 'Next Delivery'],
  ['NOTES', 'notes', 'Remarks'],
];

/** One row per lookup kind, both inventory types, every field given somewhere; in FIELDS order. */
const ROWS: readonly (readonly string[])[] = [
  ['id', 'local', '5', '', '', '', '1', '', '', '2', '0', '', '', 'A-1', '12.34567', '2025-07-01T08:30:00Z', 'by id'],
  ['sku', 'supplier', '7', 'W-1', 'OC-9', 'OTHER', '', '', '', '3', '', '', '', 'B "2"', '', '', 'by sku'],
  ['sourceId', 'local', '-4', '', '', '', '', 'S-1', 'shop', '4', '12', '', '', '', '0.5', '', ''],
  ['supplierCode', 'supplier', '11', '', 'AC-1', 'ACME', '', '', '', '5', '', '', '', 'C,3', '', '2025-08-15', 'by supplier code'],
];

function expectedRecords(): Partial<RecordJson>[] {
  return [
    { productId: 1, quantity: 5, supplier: 'INTERN', supplierCode: '', sku: 'W-1', warehouseId: 2, companyId: 0, location: 'A-1', costPrice: 12.34567, nextDeliveryDate: '2025-07-01T08:30:00.000Z', notes: 'by id' },
    { productId: 1, quantity: 7, supplier: 'OTHER', supplierCode: 'OC-9', sku: 'W-1', warehouseId: 3, companyId: 0, location: 'B "2"', costPrice: 2.5, nextDeliveryDate: null, notes: 'by sku' },
    { productId: 1, quantity: -4, supplier: 'INTERN', supplierCode: '', sku: 'W-1', warehouseId: 4, companyId: 12, location: '', costPrice: 0.5, nextDeliveryDate: null, notes: '' },
    { productId: 1, quantity: 11, supplier: 'ACME', supplierCode: 'AC-1', sku: 'W-1', warehouseId: 5, companyId: 0, location: 'C,3', costPrice: 2.5, nextDeliveryDate: '2025-08-15T00:00:00.000Z', notes: 'by supplier code' },
  ];
}

async function withProduct(tenant: TenantClients): Promise<void> {
  await registerProducts(tenant.writer, aProduct(1).withSku('W-1').suppliedBy('ACME', 'AC-1').withSource('shop', 'S-1').costing(2.5), aProduct(2).withSku('W-2'));
}

async function recordsOf(tenant: TenantClients): Promise<readonly RecordJson[]> {
  return [...(await balanceOf(tenant.reader, 1))].sort((a, b) => a.warehouseId - b.warehouseId);
}

describeE2e('CSV import: every mapping field', (server) => {
  it('with the default headers, every field of every lookup kind and both types lands in the record', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = csvText([FIELDS.map(([, header]) => header), ...ROWS]);
    const data = expectData(await importText(tenant.writer, csv));
    expect(data).toEqual({ importedCount: 4, createdCount: 4, updatedCount: 0, errors: [] });
    const records = await recordsOf(tenant);
    expect(records).toHaveLength(4);
    records.forEach((record, index) => expect(record).toMatchObject(expectedRecords()[index] ?? {}));
  });

  it('with custom mappings for all 17 fields, the columns are found by their own headers and other columns are ignored', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const mappings: CsvMappingInput[] = FIELDS.map(([fieldName, , csvHeader]) => ({ csvHeader, fieldName }));
    // Columns reversed, plus default-named and unknown columns that no mapping names.
    const header = [...FIELDS.map(([, , custom]) => custom)].reverse().concat(['quantity', 'tenant']);
    const rows = ROWS.map((row) => [...row].reverse().concat(['999', 'someone-else']));
    const data = expectData(await importMultipart(tenant.writer, csvText([header, ...rows]), { mappings }));
    expect(data).toMatchObject({ importedCount: 4, createdCount: 4, errors: [] });
    const records = await recordsOf(tenant);
    records.forEach((record, index) => expect(record).toMatchObject(expectedRecords()[index] ?? {}));
  });

  it('a mapping may feed a field from a column whose name is another field’s default header', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const mappings = [
      { csvHeader: 'lookupKey', fieldName: 'LOOKUP_KEY' },
      { csvHeader: 'inventoryType', fieldName: 'INVENTORY_TYPE' },
      { csvHeader: 'notes', fieldName: 'QUANTITY' },
      { csvHeader: 'productId', fieldName: 'PRODUCT_ID' },
    ];
    const csv = csvText([['lookupKey', 'inventoryType', 'notes', 'productId', 'quantity'], ['id', 'local', '42', '1', '7']]);
    expectData(await importText(tenant.writer, csv, { mappings }));
    expect(await recordsOf(tenant)).toMatchObject([{ quantity: 42, notes: '' }]);
  });

  it('COMPANY_SOURCE_ID and COMPANY_SOURCE_NAME with a value are a row error saying they are not supported; empty they are ignored', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = csvText([
      ['lookupKey', 'inventoryType', 'quantity', 'productId', 'companySourceId', 'companySourceName', 'warehouseId'],
      ['id', 'local', '1', '1', 'C-7', '', '1'],
      ['id', 'local', '1', '1', '', 'erp', '2'],
      ['id', 'local', '1', '1', '', '', '3'],
    ]);
    const data = expectData(await importText(tenant.writer, csv));
    expect(data.importedCount).toBe(1);
    expect(data.errors.map((error) => [error.rowNumber, error.code])).toEqual([
      [1, 'VALIDATION'],
      [2, 'VALIDATION'],
    ]);
    expect(data.errors[0]?.messages.join(' ')).toMatch(/companySourceId.*not supported/);
    expect(data.errors[1]?.messages.join(' ')).toMatch(/companySourceName.*not supported/);
    expect((await recordsOf(tenant)).map((record) => record.warehouseId)).toEqual([3]);
  });
});
