import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectError } from '../support/expectations.js';
import { aProduct } from '../support/request-builders.js';
import { csvText, importGraphql, importText, multipart } from './csv-requests.js';

const HEADER = 'lookupKey,inventoryType,quantity,productId,notes\n';
/** The longest any /healthz poll may take while a hostile upload is parsed. */
const RESPONSIVE_MS = 500;

/** A body sent in 64 KiB chunks, one per turn of the client's event loop, like a slow upload. */
function chunked(parts: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const bytes = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      await sleep(0);
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

describeE2e('CSV import: hostile input', (server) => {
  /** Runs `work` while polling `/healthz` (at least 3 polls); every poll must answer within RESPONSIVE_MS. */
  async function polled<T>(work: () => Promise<T>): Promise<T> {
    const upload = { done: false };
    let slowest = 0;
    const polling = (async () => {
      for (let polls = 0; !upload.done || polls < 3; polls += 1) {
        const started = performance.now();
        const response = await server().anonymous.get('/healthz');
        slowest = Math.max(slowest, performance.now() - started);
        expect(response.status).toBe(200);
        await sleep(10);
      }
    })();
    try {
      return await work();
    } finally {
      upload.done = true;
      await polling;
      expect(slowest).toBeLessThan(RESPONSIVE_MS);
    }
  }

  it('one quoted field of 8 MB is refused with 413 at CSV_MAX_ROW_BYTES while /healthz keeps answering, and the error echoes none of it', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    const response = await polled(() => importText(tenant.writer, chunked([HEADER, 'id,local,1,1,1\n', 'id,local,1,1,"', 'x'.repeat(8 * 1024 * 1024), '"\n'])));
    expectError(response, 'PAYLOAD_TOO_LARGE', ['file']);
    expect(response.body.error?.messages[0]).toContain('CSV_MAX_ROW_BYTES');
    expect(JSON.stringify(response.body).length).toBeLessThan(1024);
  });

  it('a row of four million empty columns is refused with 413 while /healthz keeps answering, over REST and GraphQL', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    const commas = ','.repeat(4 * 1024 * 1024);
    const rest = await polled(() => importText(tenant.writer, chunked([HEADER, commas, '\n'])));
    expectError(rest, 'PAYLOAD_TOO_LARGE', ['file']);
    const graphql = await polled(() => importGraphql(tenant.writer, `${HEADER}${commas}\n`));
    expect(graphql.status).toBe(413);
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await balanceOf(tenant.reader, 1)).toEqual([]);
  });

  it('a Latin-1 file is refused as not UTF-8 over REST and GraphQL, and nothing is written', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    const latin1 = Buffer.from(`${HEADER}id,local,5,1,Caf\xe9 cr\xe8me\n`, 'latin1');
    const rest = await importText(tenant.writer, chunked([latin1]));
    expectError(rest, 'VALIDATION_FAILED', ['file']);
    expect(rest.body.error?.details?.[0]?.message).toContain('UTF-8');
    const { body, contentType } = multipart([
      { name: 'operations', value: JSON.stringify({ query: 'mutation ($file: Upload!) { inventoryCsvImport(input: { file: $file }) { importedCount } }', variables: { file: null } }) },
      { name: 'map', value: JSON.stringify({ 0: ['variables.file'] }) },
      { name: '0', value: '\u0000', filename: 'stock.csv' },
    ]);
    const [before, after] = body.split('\u0000');
    const graphql = await tenant.writer.post<{ errors?: { message: string; extensions?: { code?: string; details?: { path: string }[] } }[] }>('/graphql', undefined, {
      raw: chunked([before ?? '', latin1, after ?? '']),
      headers: { 'content-type': contentType, 'x-graphql-csrf': '1' },
    });
    expect(graphql.status).toBe(400);
    expect(graphql.body.errors?.[0]?.message).toContain('not UTF-8');
    expect(await balanceOf(tenant.reader, 1)).toEqual([]);
  });

  it('the same file as UTF-8 is imported with its accents intact', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    expect((await importText(tenant.writer, `${HEADER}id,local,5,1,Café crème\n`)).status).toBe(200);
    expect(await balanceOf(tenant.reader, 1)).toMatchObject([{ quantity: 5, notes: 'Café crème' }]);
  });

  it('a GraphQL upload whose map points one file at two variables is 400 before any row is written', async () => {
    const tenant = server().tenant();
    await registerProducts(tenant.writer, aProduct(1));
    const query = `mutation ($a: Upload!, $b: Upload!) {
      a: inventoryCsvImport(input: { file: $a }) { importedCount }
      b: inventoryCsvImport(input: { file: $b }) { importedCount } }`;
    const { body, contentType } = multipart([
      { name: 'operations', value: JSON.stringify({ query, variables: { a: null, b: null } }) },
      { name: 'map', value: JSON.stringify({ 0: ['variables.a', 'variables.b'] }) },
      { name: '0', value: csvText([['lookupKey', 'inventoryType', 'quantity', 'productId'], ['id', 'local', '5', '1']]), filename: 'stock.csv' },
    ]);
    const response = await tenant.writer.post<{ errors?: { message: string }[] }>('/graphql', undefined, { raw: body, headers: { 'content-type': contentType, 'x-graphql-csrf': '1' } });
    expect(response.status).toBe(400);
    expect(await balanceOf(tenant.reader, 1)).toEqual([]);
    expect(response.body.errors?.[0]?.message).toContain('exactly one variable');
  });
});
