import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CsvImport } from '../csv-import.js';
import { WRITE_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, TEST_LIMITS } from '../../test/support/test-subgraph.js';

const BOUNDARY = 'csv-upload-boundary';
const MUTATION = 'mutation ($file: Upload!) { inventoryCsvImport(input: { file: $file }) { importedCount } }';
const OPERATIONS = JSON.stringify({ query: MUTATION, variables: { file: null } });
const MAP = JSON.stringify({ 0: ['variables.file'] });

function field(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}
function fileHead(name: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="stock.csv"\r\nContent-Type: text/csv\r\n\r\n`;
}
const END = `\r\n--${BOUNDARY}--\r\n`;

/** A request body sent piece by piece; a function piece waits before the next one is sent. */
function bodyOf(pieces: readonly (string | (() => Promise<void>))[], sent: { done: boolean }): ReadableStream<Uint8Array> {
  const queue = [...pieces];
  return new ReadableStream({
    async pull(controller) {
      for (let piece = queue.shift(); piece !== undefined; piece = queue.shift()) {
        if (typeof piece === 'function') await piece();
        else {
          controller.enqueue(new TextEncoder().encode(piece));
          return;
        }
      }
      sent.done = true;
      controller.close();
    },
  });
}

function importing(importCsv: CsvImport) {
  const { fetch } = createTestSubgraph({ importCsv, limits: { ...TEST_LIMITS, bodyLimitBytes: 4096, uploadLimitBytes: 64 * 1024 } });
  return async (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) => {
    const response = await fetch('http://localhost/graphql', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, authorization: `Bearer ${WRITE_A}`, 'x-graphql-csrf': '1', ...headers },
      ...(typeof body !== 'string' && { duplex: 'half' }),
    });
    return { status: response.status, text: await response.text() };
  };
}

async function readAll(stream: Readable, onChunk: () => void = () => undefined): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    onChunk();
    text += decoder.decode(chunk, { stream: true });
  }
  return text;
}

describe('streaming multipart uploads', () => {
  it('the importer reads the first rows while the rest of the file is still on its way', async () => {
    let firstChunkRead!: () => void;
    const firstRead = new Promise<void>((resolve) => (firstChunkRead = resolve));
    let streamed = false;
    const send = importing(async (_tenant, file) => {
      const text = await readAll(file, () => firstChunkRead());
      return { importedCount: text.split('\n').filter((line) => line !== '').length - 1, createdCount: 0, updatedCount: 0, errors: [] };
    });
    // The second half is only sent once the importer has seen the first (or after 3 s, failing the test).
    const gate = () => Promise.race([firstRead.then(() => (streamed = true)), new Promise((resolve) => setTimeout(resolve, 3000))]).then(() => undefined);
    const sent = { done: false };
    const response = await send(bodyOf([field('operations', OPERATIONS), field('map', MAP), fileHead('0'), 'sku,quantity\nA,1\n', gate, 'B,2\nC,3\n', END], sent));
    expect(streamed).toBe(true);
    expect(response.text).toContain('"importedCount":3');
  });

  it('a file bigger than the body and upload limits together fails the read with 413', async () => {
    const send = importing(async (_tenant, file) => {
      await readAll(file);
      return { importedCount: 0, createdCount: 0, updatedCount: 0, errors: [] };
    });
    const big = 'A,1\n'.repeat(20_000);
    const response = await send(bodyOf([field('operations', OPERATIONS), field('map', MAP), fileHead('0'), 'sku,quantity\n', big, END], { done: false }));
    expect(response.status).toBe(413);
    expect(response.text).toContain('Request body too large');
  });

  it('a Content-Length over the limits is 413 before the importer runs', async () => {
    let ran = false;
    const send = importing(() => {
      ran = true;
      return Promise.reject(new Error('must not run'));
    });
    const response = await send(field('operations', OPERATIONS) + field('map', MAP) + END, { 'content-length': String(4096 + 64 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(ran).toBe(false);
  });

  it('a file named in the map but never sent fails the read with a clear message', async () => {
    const send = importing(async (_tenant, file) => {
      await readAll(file);
      return { importedCount: 0, createdCount: 0, updatedCount: 0, errors: [] };
    });
    const response = await send(`${field('operations', OPERATIONS)}${field('map', MAP)}--${BOUNDARY}--\r\n`);
    expect(response.text).toContain('Multipart file \\"0\\" of the map was not sent');
  });

  it('a body cut short inside the file fails the read as invalid multipart data, without crashing', async () => {
    const send = importing(async (_tenant, file) => {
      await readAll(file);
      return { importedCount: 0, createdCount: 0, updatedCount: 0, errors: [] };
    });
    const response = await send(field('operations', OPERATIONS) + field('map', MAP) + fileHead('0') + 'sku,quantity\nA,1\n');
    expect(response.text).toContain('invalid multipart data');
  });

  it('a map sent before the operations is a 400 and the importer never runs', async () => {
    let ran = false;
    const send = importing(() => {
      ran = true;
      return Promise.reject(new Error('must not run'));
    });
    const response = await send(`${field('map', MAP)}${field('operations', OPERATIONS)}${fileHead('0')}sku\n${END}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('must come before');
    expect(ran).toBe(false);
  });

  it('a map that points one file at two variables is a 400 and the importer never runs', async () => {
    let ran = false;
    const send = importing(() => {
      ran = true;
      return Promise.reject(new Error('must not run'));
    });
    const twice = JSON.stringify({ 0: ['variables.file', 'variables.other'] });
    const response = await send(`${field('operations', OPERATIONS)}${field('map', twice)}${fileHead('0')}sku\n${END}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('exactly one variable');
    expect(ran).toBe(false);
  });

  it('an upload the resolver never reads neither holds the answer nor stalls the rest of the body', async () => {
    const send = importing(() => Promise.resolve({ importedCount: 0, createdCount: 0, updatedCount: 0, errors: [] }));
    const sent = { done: false };
    const response = await send(bodyOf([field('operations', OPERATIONS), field('map', MAP), fileHead('0'), 'sku,quantity\n', 'A,1\n'.repeat(50_000), END], sent));
    expect(response.text).toContain('"importedCount":0');
    await expect.poll(() => sent.done, { timeout: 2000 }).toBe(true);
  });

  it('a JSON body keeps the plain body limit', async () => {
    const { fetch } = createTestSubgraph({ limits: { ...TEST_LIMITS, bodyLimitBytes: 2048, uploadLimitBytes: 1_000_000 } });
    const response = await fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${WRITE_A}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(4096) } }),
    });
    expect(response.status).toBe(413);
  });
});
