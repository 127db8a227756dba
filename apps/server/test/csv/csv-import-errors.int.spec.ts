import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { aProduct } from '../support/request-builders.js';
import type { TenantClients } from '../support/e2e-server.js';
import { csvText, importMultipart, importText, postParts } from './csv-requests.js';

const HEADER = ['lookupKey', 'inventoryType', 'quantity', 'productId', 'sku', 'warehouseId', 'costPrice', 'nextDeliveryDate'];

async function withProducts(tenant: TenantClients): Promise<void> {
  await registerProducts(tenant.writer, aProduct(1).withSku('W-1'), aProduct(2).withSku('TWIN'), aProduct(3).withSku('TWIN'));
}

async function nothingWritten(tenant: TenantClients): Promise<void> {
  expect(await balanceOf(tenant.reader, 1)).toEqual([]);
}

describeE2e('CSV import: errors', (server) => {
  it('each bad row is reported with its row number, code, messages and record, and the good rows are imported', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const rows = [
      ['id', 'local', '1', '1', '', '1', '', ''], // 1: fine
      ['ean', 'local', '1', '1', '', '2', '', ''], // 2: unknown lookup key
      ['id', 'consignment', '1', '1', '', '3', '', ''], // 3: unknown inventory type
      ['id', 'local', 'many', '1', '', '4', '', ''], // 4: quantity not a number
      ['id', 'local', '1.5', '1', '', '5', '', ''], // 5: quantity not an integer
      ['id', 'local', '1', '1', '', 'two', '', ''], // 6: warehouse not a number
      ['id', 'local', '1', '1', '', '7', '1.123456', ''], // 7: more than 5 decimals
      ['id', 'local', '1', '1', '', '8', '123456.5', ''], // 8: more than 5 integer digits
      ['id', 'local', '1', '1', '', '9', '', '2025-13-45'], // 9: not a date
      ['id', 'local', '1', '999', '', '10', '', ''], // 10: unknown product
      ['sku', 'local', '1', '', 'TWIN', '11', '', ''], // 11: ambiguous sku
      ['sku', 'local', '1', '', 'NOPE', '12', '', ''], // 12: unknown sku
      ['id', 'local', '1', '1', '', '13'], // 13: too few columns
      ['id', 'local', '1', '1', '', '14', '', '', 'extra'], // 14: too many columns
      ['id', 'local', '', '1', '', '15', '', ''], // 15: quantity missing
      ['', 'local', '1', '1', '', '16', '', ''], // 16: lookup key missing
      ['id', 'local', '2000000000', '1', '', '17', '', ''], // 17: quantity out of range
      ['id', 'local', '1', '1', '', '-1', '', ''], // 18: negative warehouse
      ['id', 'local', '3', '1', '', '19', '99999.99999', '2025-01-02T03:04:05.678Z'], // 19: fine
    ];
    const data = expectData(await importText(tenant.writer, csvText([HEADER, ...rows])));
    expect(data).toMatchObject({ importedCount: 2, createdCount: 2, updatedCount: 0 });
    expect(data.errors.map((error) => error.rowNumber)).toEqual(Array.from({ length: 17 }, (_, index) => index + 2));
    expect(data.errors.every((error) => error.code === 'VALIDATION' && error.messages.length > 0)).toBe(true);
    const message = (row: number): string => data.errors.find((error) => error.rowNumber === row)?.messages.join(' | ') ?? '';
    expect(message(2)).toMatch(/lookupKey/);
    expect(message(3)).toMatch(/inventoryType/);
    expect(message(4)).toMatch(/quantity/);
    expect(message(5)).toMatch(/quantity/);
    expect(message(6)).toMatch(/warehouseId/);
    expect(message(7)).toMatch(/costPrice/);
    expect(message(8)).toMatch(/costPrice/);
    expect(message(9)).toMatch(/nextDeliveryDate/);
    expect(message(10)).toMatch(/not found/);
    expect(message(11)).toMatch(/Several products/);
    expect(message(12)).toMatch(/not found/);
    expect(message(13)).toMatch(/6 columns, the header has 8/);
    expect(message(14)).toMatch(/9 columns, the header has 8/);
    expect(message(15)).toMatch(/quantity/);
    expect(message(16)).toMatch(/lookupKey/);
    expect(message(17)).toMatch(/quantity/);
    expect(message(18)).toMatch(/warehouseId/);
    expect(data.errors.find((error) => error.rowNumber === 4)?.record).toEqual({ lookupKey: 'id', inventoryType: 'local', quantity: 'many', productId: '1', sku: '', warehouseId: '4', costPrice: '', nextDeliveryDate: '' });
    const records = await balanceOf(tenant.reader, 1);
    expect(records.map((record) => record.warehouseId).sort()).toEqual([1, 19]);
    expect(records.find((record) => record.warehouseId === 19)).toMatchObject({ quantity: 3, costPrice: 99999.99999, nextDeliveryDate: '2025-01-02T03:04:05.678Z' });
  });

  it('a mapping to a header the file lacks is a whole-file 400 naming the mapping, and nothing is written', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const mappings = [
      { csvHeader: 'lookupKey', fieldName: 'LOOKUP_KEY' },
      { csvHeader: 'inventoryType', fieldName: 'INVENTORY_TYPE' },
      { csvHeader: 'Menge', fieldName: 'QUANTITY' },
      { csvHeader: 'productId', fieldName: 'PRODUCT_ID' },
    ];
    const response = await importText(tenant.writer, csvText([HEADER, ['id', 'local', '1', '1', '', '1', '', '']]), { mappings });
    expectError(response, 'VALIDATION_FAILED', ['mappings.2.csvHeader', 'header']);
    await nothingWritten(tenant);
  });

  it('a file without a required column is a whole-file 400 naming the column', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const response = await importText(tenant.writer, csvText([['lookupKey', 'inventoryType', 'productId'], ['id', 'local', '1']]));
    expectError(response, 'VALIDATION_FAILED', ['header']);
    expect(response.body.error?.details?.[0]?.message).toContain('"quantity"');
  });

  it('rows whose lookup key needs a column the file lacks fail the whole file before anything is written', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const csv = csvText([['lookupKey', 'inventoryType', 'quantity', 'productId'], ['id', 'local', '1', '1'], ['sku', 'local', '1', '']]);
    const response = await importText(tenant.writer, csv);
    expectError(response, 'VALIDATION_FAILED', ['header']);
    expect(response.body.error?.details?.[0]?.message).toMatch(/lookup key sku need a SKU column/);
    await nothingWritten(tenant);
  });

  it('an unclosed quote is a whole-file 400 saying the file is malformed', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const response = await importText(tenant.writer, 'lookupKey,inventoryType,quantity,productId,notes\nid,local,1,1,"never closed\nid,local,2,1,x\n');
    expectError(response, 'VALIDATION_FAILED');
    expect(response.body.error?.messages[0]).toMatch(/malformed/);
    await nothingWritten(tenant);
  });

  it('an empty file is a 400 asking for a header row', async () => {
    const tenant = server().tenant();
    expectError(await importText(tenant.writer, ''), 'VALIDATION_FAILED', ['header']);
  });

  it.each([
    ['not JSON', '{nope', ['mappings']],
    ['not an array', '{"csvHeader":"a","fieldName":"QUANTITY"}', ['mappings']],
    ['an unknown fieldName', '[{"csvHeader":"a","fieldName":"TENANT"}]', ['mappings.0.fieldName']],
    ['a missing csvHeader', '[{"fieldName":"QUANTITY"}]', ['mappings.0.csvHeader']],
    ['an unknown key', '[{"csvHeader":"a","fieldName":"QUANTITY","tenant":"x"}]', ['mappings.0.tenant']],
  ])('mappings that are %s answer 400 10007 naming the path', async (_case, mappings, paths) => {
    const tenant = server().tenant();
    const csv = csvText([HEADER]);
    const query = `?mappings=${encodeURIComponent(mappings)}`;
    expectError(await tenant.writer.post(`/v2/inventory/import/csv${query}`, undefined, { raw: csv, headers: { 'content-type': 'text/csv' } }), 'VALIDATION_FAILED', paths);
    expectError(await postParts(tenant.writer, [{ name: 'mappings', value: mappings }, { name: 'file', value: csv, filename: 'a.csv' }]), 'VALIDATION_FAILED', paths);
  });

  it('a dryRun other than true or false, or an unknown query parameter, is a 400', async () => {
    const tenant = server().tenant();
    const headers = { 'content-type': 'text/csv' };
    expectError(await tenant.writer.post('/v2/inventory/import/csv?dryRun=yes', undefined, { raw: 'a\n', headers }), 'VALIDATION_FAILED');
    expectError(await tenant.writer.post('/v2/inventory/import/csv?tenant=x', undefined, { raw: 'a\n', headers }), 'VALIDATION_FAILED', ['tenant']);
  });

  it('a body that is neither text/csv nor multipart is a 400 naming the content type', async () => {
    const tenant = server().tenant();
    expectError(await tenant.writer.post('/v2/inventory/import/csv', { rows: [] }), 'VALIDATION_FAILED', ['content-type']);
  });

  it('a multipart body without a file, with a field after the file, or with an unknown field is a 400 naming it', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const csv = csvText([HEADER, ['id', 'local', '1', '1', '', '1', '', '']]);
    expectError(await postParts(tenant.writer, [{ name: 'dryRun', value: 'true' }]), 'VALIDATION_FAILED', ['file']);
    expectError(await postParts(tenant.writer, [{ name: 'file', value: csv, filename: 'a.csv' }, { name: 'dryRun', value: 'true' }]), 'VALIDATION_FAILED', ['dryRun']);
    expectError(await postParts(tenant.writer, [{ name: 'tenant', value: 'x' }, { name: 'file', value: csv, filename: 'a.csv' }]), 'VALIDATION_FAILED', ['tenant']);
    expectError(await postParts(tenant.writer, [{ name: 'upload', value: csv, filename: 'a.csv' }]), 'VALIDATION_FAILED', ['upload']);
    await nothingWritten(tenant);
  });

  it('without a token the import is 401 and with a read-only token 403, and nothing is written', async () => {
    const tenant = server().tenant();
    await withProducts(tenant);
    const csv = csvText([HEADER, ['id', 'local', '1', '1', '', '1', '', '']]);
    const anonymous = await importText(server().anonymous, csv);
    expectError(anonymous, 'UNAUTHORIZED');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="inventory"');
    const readOnly = await importMultipart(tenant.reader, csv);
    expectError(readOnly, 'FORBIDDEN');
    expect(readOnly.headers.get('www-authenticate')).toContain('insufficient_scope');
    await nothingWritten(tenant);
  });
});
