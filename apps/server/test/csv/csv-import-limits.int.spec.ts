import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { aProduct } from '../support/request-builders.js';
import { csvText, importGraphql, importMultipart, importText } from './csv-requests.js';

const MAX_BYTES = 50_000;
const MAX_ROWS = 100;
const HEADER = ['lookupKey', 'inventoryType', 'quantity', 'productId', 'warehouseId', 'padding'];

function rows(count: number, padding = ''): string[][] {
  return Array.from({ length: count }, (_, index) => ['id', 'local', '1', '1', String(index), padding]);
}

/** A CSV body that sends `before` bytes, then waits for `release` before sending `after` more. */
function stalledBody(before: number, after: number, release: Promise<unknown>): { body: ReadableStream<Uint8Array>; sent: () => number } {
  const line = new TextEncoder().encode('id,local,1,1,1,x\n'.repeat(4000));
  let sent = 0;
  const header = new TextEncoder().encode(`${HEADER.join(',')}\n`);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(header);
    },
    async pull(controller) {
      if (sent >= before) await release;
      if (sent >= before + after) {
        controller.close();
        return;
      }
      sent += line.length;
      controller.enqueue(line);
    },
  });
  return { body, sent: () => sent };
}

describeE2e(
  'CSV import: size and row limits',
  (server) => {
    it('a file of exactly CSV_MAX_ROWS rows is imported', async () => {
      const tenant = server().tenant();
      await registerProducts(tenant.writer, aProduct(1));
      expect(expectData(await importText(tenant.writer, csvText([HEADER, ...rows(MAX_ROWS)]))).importedCount).toBe(MAX_ROWS);
    });

    it('one row more than CSV_MAX_ROWS is 413 on every transport and nothing is written', async () => {
      const tenant = server().tenant();
      await registerProducts(tenant.writer, aProduct(1));
      const csv = csvText([HEADER, ...rows(MAX_ROWS + 1)]);
      for (const response of [await importText(tenant.writer, csv), await importMultipart(tenant.writer, csv)]) {
        expectError(response, 'PAYLOAD_TOO_LARGE');
        expect(response.body.error?.messages[0]).toContain(`more than ${MAX_ROWS} rows`);
      }
      const graphql = await importGraphql(tenant.writer, csv);
      expect(graphql.status).toBe(413);
      expect(graphql.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await balanceOf(tenant.reader, 1)).toEqual([]);
    });

    it('a file over CSV_MAX_BYTES is 413 naming the limit, on every transport', async () => {
      const tenant = server().tenant();
      await registerProducts(tenant.writer, aProduct(1));
      const csv = csvText([HEADER, ...rows(60, 'p'.repeat(1000))]);
      expect(csv.length).toBeGreaterThan(MAX_BYTES);
      for (const response of [await importText(tenant.writer, csv), await importMultipart(tenant.writer, csv)]) {
        expectError(response, 'PAYLOAD_TOO_LARGE');
        expect(response.body.error?.messages[0]).toContain('CSV_MAX_BYTES');
      }
      const graphql = await importGraphql(tenant.writer, csv);
      expect(graphql.status).toBe(413);
      expect(await balanceOf(tenant.reader, 1)).toEqual([]);
    });

    it('an oversized upload is answered while the client is still sending, and the server goes on serving', async () => {
      const tenant = server().tenant();
      await registerProducts(tenant.writer, aProduct(1));
      let answered!: (value: unknown) => void;
      const response = new Promise((resolve) => (answered = resolve));
      // The body stalls after 1 MB until the answer came (or 10 s passed, which fails the test).
      const upload = stalledBody(1_000_000, 1_000_000, Promise.race([response, new Promise((resolve) => setTimeout(resolve, 10_000))]));
      const started = Date.now();
      const result = await importText(tenant.writer, upload.body);
      answered(result);
      expectError(result, 'PAYLOAD_TOO_LARGE');
      expect(Date.now() - started).toBeLessThan(8000);
      expect(upload.sent()).toBeLessThanOrEqual(1_100_000);
      expect((await tenant.reader.get('/v2/products/id/1/inventory')).status).toBe(200);
    });

    it('a GraphQL multipart request whose Content-Length exceeds the upload and body limits is 413 before it is read', async () => {
      const tenant = server().tenant();
      const response = await tenant.writer.post('/graphql', undefined, {
        raw: 'x'.repeat(MAX_BYTES + 4 * 1024 * 1024 + 10),
        headers: { 'content-type': 'multipart/form-data; boundary=b', 'x-graphql-csrf': '1' },
      });
      expect(response.status).toBe(413);
    });
  },
  { env: { CSV_MAX_BYTES: String(MAX_BYTES), CSV_MAX_ROWS: String(MAX_ROWS) } },
);
