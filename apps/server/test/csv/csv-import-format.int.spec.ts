import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { balanceOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData } from '../support/expectations.js';
import { aProduct, anItem } from '../support/request-builders.js';
import type { TenantClients } from '../support/e2e-server.js';
import { csvText, importGraphql, importMultipart, importText, type CsvImportData } from './csv-requests.js';

async function withProduct(tenant: TenantClients): Promise<void> {
  await registerProducts(tenant.writer, aProduct(1).withSku('W-1'));
}

async function records(tenant: TenantClients): Promise<readonly RecordJson[]> {
  return [...(await balanceOf(tenant.reader, 1))].sort((a, b) => a.warehouseId - b.warehouseId);
}

const HEADER = 'lookupKey,inventoryType,quantity,productId,warehouseId,location,notes';

describeE2e('CSV import: file format, semantics and transports', (server) => {
  it('a BOM, CRLF line ends, quoted commas, quotes and newlines and an empty trailing line are read right', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = `\ufeff${HEADER}\r\nid,local,1,1,1,"A,1","line one\r\nline ""two"""\r\nid,local,2,1,2,,\r\n\r\n`;
    expect(expectData(await importText(tenant.writer, csv))).toEqual({ importedCount: 2, createdCount: 2, updatedCount: 0, errors: [] });
    expect(await records(tenant)).toMatchObject([
      { warehouseId: 1, quantity: 1, location: 'A,1', notes: 'line one\r\nline "two"' },
      { warehouseId: 2, quantity: 2, location: '', notes: '' },
    ]);
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('a %s-delimited file is detected and imported', async (_name, delimiter) => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = [HEADER.replaceAll(',', delimiter), ['id', 'local', '4', '1', '1', 'A,1', 'x'].join(delimiter)].join('\n');
    expect(expectData(await importText(tenant.writer, csv)).importedCount).toBe(1);
    expect(await records(tenant)).toMatchObject([{ quantity: 4, location: 'A,1', notes: 'x' }]);
  });

  it('when rows share an identity key the last one wins: the first creates, the later ones update', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = csvText([HEADER.split(','), ['id', 'local', '1', '1', '1', 'A', 'first'], ['id', 'local', '2', '1', '2', 'A', 'other'], ['id', 'local', '3', '1', '1', 'A', 'last']]);
    expect(expectData(await importText(tenant.writer, csv))).toEqual({ importedCount: 3, createdCount: 2, updatedCount: 1, errors: [] });
    expect(await records(tenant)).toMatchObject([
      { warehouseId: 1, quantity: 3, notes: 'last' },
      { warehouseId: 2, quantity: 2 },
    ]);
  });

  it('rows of a file spanning several write batches are all imported, with updates counted against earlier batches', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const rows = Array.from({ length: 12_000 }, (_, index) => ['id', 'local', String(index), '1', String(index % 7000), '', '']);
    const data = expectData(await importText(tenant.writer, csvText([HEADER.split(','), ...rows])));
    expect(data).toEqual({ importedCount: 12_000, createdCount: 7000, updatedCount: 5000, errors: [] });
    const stored = await records(tenant);
    expect(stored).toHaveLength(7000);
    expect(stored.find((record) => record.warehouseId === 0)?.quantity).toBe(7000);
    expect(stored.find((record) => record.warehouseId === 6999)?.quantity).toBe(6999);
  });

  it('a dry run validates and resolves every row, reports what it would do and writes nothing', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const [existing] = await upsertAll(tenant.writer, 'id/local', [anItem().forProduct(1).inWarehouse(1).withQuantity(10).json()]);
    const csv = csvText([HEADER.split(','), ['id', 'local', '99', '1', '1', '', 'changed'], ['id', 'local', '5', '1', '2', '', 'new'], ['id', 'local', '5', '404', '3', '', '']]);
    for (const send of [importText, importMultipart] as const) {
      const data = expectData(await send(tenant.writer, csv, { dryRun: true }));
      expect(data).toMatchObject({ importedCount: 2, createdCount: 1, updatedCount: 1 });
      expect(data.errors.map((error) => error.rowNumber)).toEqual([3]);
    }
    const graphql = await importGraphql(tenant.writer, csv, { dryRun: true });
    expect(graphql.body.data?.inventoryCsvImport).toMatchObject({ importedCount: 2, createdCount: 1, updatedCount: 1 });
    expect(await records(tenant)).toMatchObject([{ id: existing, warehouseId: 1, quantity: 10, notes: '' }]);
  });

  it('a tenant column in the file is ignored: rows land in the token’s tenant and the named tenant sees nothing', async () => {
    const tenant = server().tenant();
    const other = server().tenant();
    await withProduct(tenant);
    await withProduct(other);
    const csv = csvText([[...HEADER.split(','), 'tenant'], ['id', 'local', '8', '1', '1', '', '', other.name]]);
    expect(expectData(await importText(tenant.writer, csv)).importedCount).toBe(1);
    expect(await records(tenant)).toMatchObject([{ quantity: 8 }]);
    expect(await records(other)).toEqual([]);
  });

  it('text/csv, multipart and GraphQL multipart import the same file to the same result', async () => {
    const csv = csvText([HEADER.split(','), ['id', 'local', '1', '1', '1', 'A', 'a'], ['id', 'local', 'x', '1', '2', '', ''], ['id', 'local', '3', '1', '3', 'C', 'c']]);
    const results: CsvImportData[] = [];
    const stored: (readonly RecordJson[])[] = [];
    const transports = [
      async (tenant: TenantClients) => expectData(await importText(tenant.writer, csv)),
      async (tenant: TenantClients) => expectData(await importMultipart(tenant.writer, csv)),
      async (tenant: TenantClients) => {
        const response = await importGraphql(tenant.writer, csv);
        expect(response.status).toBe(200);
        const data = response.body.data?.inventoryCsvImport;
        if (data === undefined) throw new Error(JSON.stringify(response.body));
        return data;
      },
    ];
    for (const transport of transports) {
      const tenant = server().tenant();
      await withProduct(tenant);
      results.push(await transport(tenant));
      stored.push((await records(tenant)).map(({ id: _id, createdAt: _created, lastModifiedAt: _modified, ...rest }) => rest as RecordJson));
    }
    expect(results[0]).toMatchObject({ importedCount: 2, createdCount: 2, errors: [{ rowNumber: 2, code: 'VALIDATION' }] });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(stored[1]).toEqual(stored[0]);
    expect(stored[2]).toEqual(stored[0]);
  });

  it('a GraphQL multipart upload without a CSRF header is refused and writes nothing; with a read-only token it is FORBIDDEN', async () => {
    const tenant = server().tenant();
    await withProduct(tenant);
    const csv = csvText([HEADER.split(','), ['id', 'local', '1', '1', '1', '', '']]);
    const forged = await importGraphql(tenant.writer, csv, {}, {});
    expect(forged.status).toBe(403);
    expect(JSON.stringify(forged.body)).toMatch(/CSRF/);
    const readOnly = await importGraphql(tenant.reader, csv);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await importGraphql(server().anonymous, csv);
    expect(anonymous.status).toBe(401);
    expect(await records(tenant)).toEqual([]);
  });

  it('GraphQL answers a whole-file problem as BAD_USER_INPUT with the details', async () => {
    const tenant = server().tenant();
    const response = await importGraphql(tenant.writer, 'sku,notes\nA,x\n');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.body)).toMatch(/details.*needs a .*lookupKey.* column/);
  });
});
