import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryAdapters } from '../memory/create-memory-adapters.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { aProduct, expectCode, serviceOver, TENANT_A } from '../testing/index.js';
import type { InventoryService } from './inventory-service.js';

async function* rowsOf(lines: readonly (readonly string[])[]): AsyncGenerator<readonly string[]> {
  for (const line of lines) {
    await Promise.resolve();
    yield line;
  }
}

describe('importInventoryCsv', () => {
  let db: PersistenceAdapters;
  let service: InventoryService;
  beforeEach(async () => {
    db = createMemoryAdapters();
    service = serviceOver(db);
    await db.unitOfWork.run((stores) => stores.products.putMany(TENANT_A, [aProduct(1).withSku('W-1').suppliedBy('Acme', 'AC-1').withSource('erp', 'e-1').build(), aProduct(2).withSku('W-2').build()]));
  });
  const total = async (productId: number) => (await service.getProductsInventory(TENANT_A, [productId], undefined, false))[0]?.totalQuantity;

  it('when rows use the default headers and every lookup key, each is upserted like a bulk item', async () => {
    const result = await service.importInventoryCsv(
      TENANT_A,
      rowsOf([
        ['lookupKey', 'inventoryType', 'quantity', 'sku', 'productId', 'sourceId', 'sourceName', 'supplierCode', 'supplier', 'warehouseId', 'costPrice', 'nextDeliveryDate', 'notes', 'location', 'companyId'],
        ['sku', 'local', '5', 'W-1', '', '', '', '', '', '1', '12345.67891', '2030-01-01', 'a, "quoted"\nnote', 'A-1', ''],
        ['id', 'local', '7', '', '2', '', '', '', '', '', '', '', '', '', ''],
        ['sourceId', 'local', '1', '', '', 'e-1', 'erp', '', '', '2', '', '', '', '', ''],
        ['supplierCode', 'supplier', '100', '', '', '', '', 'AC-1', 'Acme', '', '', '', '', '', ''],
        ['sku', 'local', '6', 'W-1', '', '', '', '', '', '1', '', '', '', 'A-1', ''],
      ]),
      { dryRun: false },
    );
    expect(result).toEqual({ importedCount: 5, createdCount: 4, updatedCount: 1, errors: [] });
    expect(await total(1)).toBe(107);
    const [aggregate] = await service.getProductsInventory(TENANT_A, [1], 1, true);
    expect(aggregate?.balance?.[0]).toMatchObject({ quantity: 6, costPrice: 1_234_567_891, notes: 'a, "quoted"\nnote', nextDeliveryDate: '2030-01-01T00:00:00.000Z' });
  });

  it('when mappings name other headers, those columns feed the fields', async () => {
    const result = await service.importInventoryCsv(TENANT_A, rowsOf([['Art', 'Typ', 'Menge', 'Key'], ['W-2', 'local', '3', 'sku']]), {
      dryRun: false,
      mappings: [
        { csvHeader: 'Art', fieldName: 'SKU' },
        { csvHeader: 'Typ', fieldName: 'INVENTORY_TYPE' },
        { csvHeader: 'Menge', fieldName: 'QUANTITY' },
        { csvHeader: 'Key', fieldName: 'LOOKUP_KEY' },
      ],
    });
    expect(result.importedCount).toBe(1);
    expect(await total(2)).toBe(3);
  });

  it('when rows are bad, each is reported with its number and record and the rest go on', async () => {
    const result = await service.importInventoryCsv(
      TENANT_A,
      rowsOf([
        ['lookupKey', 'inventoryType', 'quantity', 'sku', 'companySourceId'],
        ['SKU', 'local', '1', 'W-1', ''],
        ['sku', 'Local', '1', 'W-1', ''],
        ['sku', 'local', 'x', 'W-1', ''],
        ['sku', 'local', '1', 'NOPE', ''],
        ['sku', 'local', '1', 'W-1'],
        ['sku', 'local', '1', 'W-1', 'c-9'],
        ['sku', 'local', '2', 'W-1', ''],
      ]),
      { dryRun: false },
    );
    expect(result.importedCount).toBe(1);
    expect(result.errors.map((error) => [error.rowNumber, error.code])).toEqual([[1, 'VALIDATION'], [2, 'VALIDATION'], [3, 'VALIDATION'], [4, 'VALIDATION'], [5, 'VALIDATION'], [6, 'VALIDATION']]);
    expect(result.errors[0]?.messages).toEqual(['lookupKey: must be one of id, sku, sourceId, supplierCode']);
    expect(result.errors[3]?.messages[0]).toContain('NOPE');
    expect(result.errors[3]?.record).toEqual({ lookupKey: 'sku', inventoryType: 'local', quantity: '1', sku: 'NOPE', companySourceId: '' });
    expect(result.errors[5]?.messages[0]).toContain('not supported');
    expect(await total(1)).toBe(2);
  });

  it('when a dry run is asked, everything is checked and counted and nothing is written', async () => {
    const result = await service.importInventoryCsv(TENANT_A, rowsOf([['lookupKey', 'inventoryType', 'quantity', 'sku'], ['sku', 'local', '4', 'W-1'], ['sku', 'local', '4', 'W-9']]), { dryRun: true });
    expect(result).toMatchObject({ importedCount: 1, createdCount: 1, updatedCount: 0 });
    expect(result.errors).toHaveLength(1);
    expect(await total(1)).toBe(0);
  });

  it('when a mapping names a header the file lacks, or a required column is missing, the whole file fails before any write', async () => {
    await expectCode(service.importInventoryCsv(TENANT_A, rowsOf([['lookupKey', 'inventoryType', 'quantity'], ['sku', 'local', '1']]), { dryRun: false, mappings: [{ csvHeader: 'nope', fieldName: 'SKU' }] }), 'VALIDATION_FAILED');
    await expectCode(service.importInventoryCsv(TENANT_A, rowsOf([['lookupKey', 'quantity', 'sku'], ['sku', '1', 'W-1']]), { dryRun: false }), 'VALIDATION_FAILED');
    await expectCode(service.importInventoryCsv(TENANT_A, rowsOf([['lookupKey', 'inventoryType', 'quantity', 'sku'], ['sku', 'local', '1', 'W-1'], ['id', 'local', '1', '']]), { dryRun: false }), 'VALIDATION_FAILED');
    await expectCode(service.importInventoryCsv(TENANT_A, rowsOf([]), { dryRun: false }), 'VALIDATION_FAILED');
    expect(await total(1)).toBe(0);
  });

  it('when a file has more rows than allowed, it stops with PAYLOAD_TOO_LARGE', async () => {
    const lines = [['lookupKey', 'inventoryType', 'quantity', 'sku'], ...Array.from({ length: 11 }, () => ['sku', 'local', '1', 'W-1'])];
    await expectCode(service.importInventoryCsv(TENANT_A, rowsOf(lines), { dryRun: false, maxRows: 10 }), 'PAYLOAD_TOO_LARGE');
  });

  it('when rows span several batches, they are written batch by batch and counted once', async () => {
    const lines = [['lookupKey', 'inventoryType', 'quantity', 'sku', 'warehouseId'], ...Array.from({ length: 25 }, (_, index) => ['sku', 'local', '1', 'W-1', String(index % 10)])];
    const progress: number[] = [];
    const result = await service.importInventoryCsv(TENANT_A, rowsOf(lines), { dryRun: false, batchSize: 7, onProgress: ({ rows }) => progress.push(rows) });
    expect(result).toEqual({ importedCount: 25, createdCount: 10, updatedCount: 15, errors: [] });
    expect(progress).toEqual([7, 14, 21, 25]);
  });

  it('when errors exceed the listing cap, the rest are counted in one closing entry', async () => {
    const lines = [['lookupKey', 'inventoryType', 'quantity', 'sku'], ...Array.from({ length: 5 }, () => ['sku', 'local', '1', 'NOPE'])];
    const result = await service.importInventoryCsv(TENANT_A, rowsOf(lines), { dryRun: false, maxErrors: 2 });
    expect(result.errors).toHaveLength(3);
    expect(result.errors[2]).toEqual({ code: 'UNKNOWN', messages: ['3 more row errors are not listed'], record: null, rowNumber: null });
  });

  it('when a bad row holds huge cells, its error repeats a bounded record and message', async () => {
    const huge = 'x'.repeat(50_000);
    const header = ['lookupKey', 'inventoryType', 'quantity', 'sku', ...Array.from({ length: 500 }, (_, index) => `extra${index}`)];
    const row = ['sku', 'local', '1', huge, ...Array.from({ length: 500 }, () => huge)];
    const result = await service.importInventoryCsv(TENANT_A, rowsOf([header, row]), { dryRun: false });
    const [error] = result.errors;
    expect(error?.record?.['lookupKey']).toBe('sku');
    expect(error?.record?.['sku']).toBe(`${'x'.repeat(256)}…`);
    expect(JSON.stringify(error?.record).length).toBeLessThan(4096);
    expect(error?.messages.every((message) => message.length <= 513)).toBe(true);
  });
});
