import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { expectData } from '../support/expectations.js';
import { importText, multipart } from './csv-requests.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');
const CLIENT = { clientId: 'csv-memory', clientSecret: 'csv-memory-secret-0123456789abcdef', tenant: 'memory', scopes: ['inventory:read', 'inventory:write'] };
const ROWS = 300_000;
const PRODUCTS = 1000;
/**
 * Peak resident memory allowed to the server process while it imports ~110 MB of CSV. The server
 * idles at ~150 MiB RSS (a ~60 MiB heap), so a file held whole would pass the limit.
 */
const PEAK_RSS_LIMIT_MIB = 240;
/**
 * V8 lets collectable garbage pile up to several times the live heap before a full collection;
 * capping the old space makes RSS show what the import holds, not what awaits collection.
 */
const NODE_ARGS = ['--max-old-space-size=128'];
const NOTES = 'n'.repeat(240);
const HEADER = 'lookupKey,inventoryType,quantity,productId,warehouseId,location,costPrice,notes\n';

/** ~400 bytes a row, generated as the upload pulls them, so the test itself holds no file. */
function csvStream(rows: number, prefix = '', suffix = ''): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(prefix + HEADER));
    },
    pull(controller) {
      if (next >= rows) {
        if (suffix !== '') controller.enqueue(encoder.encode(suffix));
        controller.close();
        return;
      }
      let chunk = '';
      for (const end = Math.min(next + 2000, rows); next < end; next += 1) {
        chunk += `id,local,${next % 1000},${(next % PRODUCTS) + 1},${Math.floor(next / PRODUCTS)},"A-${next % 7}, shelf ${'x'.repeat(20)}",${(next % 10000) / 100},${NOTES}-${next}\n`;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

function peakRssMiB(child: ChildProcess): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) / 1024;
}

describe('CSV import memory (child-process server on SQLite)', () => {
  let folder: string;
  let child: ChildProcess;
  let api: ApiClient;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'inventory-csv-memory-'));
    const env = { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `sqlite:${join(folder, 'inventory.db')}`, AUTH_CLIENTS: JSON.stringify([CLIENT]), LOG_LEVEL: 'info' };
    child = spawn(process.execPath, [...NODE_ARGS, MAIN, 'serve'], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout ?? process.stdin }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url !== undefined) resolve(entry.url);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const token = await fetch(`${url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
    }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
    api = new ApiClient(url, token);
    expectData(await api.post('/v2/products/bulk', { products: Array.from({ length: PRODUCTS }, (_, index) => ({ id: index + 1 })) }));
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(folder, { recursive: true, force: true });
  });

  it(`${ROWS.toLocaleString('en-US')} rows (~110 MB) stream through REST text/csv with peak RSS under ${PEAK_RSS_LIMIT_MIB} MiB`, { timeout: 120_000 }, async () => {
    const data = expectData(await importText(api, csvStream(ROWS)));
    expect(data).toMatchObject({ importedCount: ROWS, createdCount: ROWS, errors: [] });
    expect(peakRssMiB(child)).toBeLessThan(PEAK_RSS_LIMIT_MIB);
  });

  it(`the same file as a GraphQL multipart upload streams too (peak RSS under ${PEAK_RSS_LIMIT_MIB} MiB)`, { timeout: 120_000 }, async () => {
    const mutation = 'mutation ($file: Upload!) { inventoryCsvImport(input: { file: $file, dryRun: true }) { importedCount updatedCount } }';
    const { body, contentType } = multipart([
      { name: 'operations', value: JSON.stringify({ query: mutation, variables: { file: null } }) },
      { name: 'map', value: JSON.stringify({ 0: ['variables.file'] }) },
      { name: '0', value: '@FILE@', filename: 'stock.csv' },
    ]);
    const [before, after] = body.split('@FILE@');
    const response = await api.post<{ data?: { inventoryCsvImport: { importedCount: number; updatedCount: number } } }>('/graphql', undefined, {
      raw: csvStream(ROWS, before, after),
      headers: { 'content-type': contentType, 'x-graphql-csrf': '1' },
    });
    expect(response.body.data?.inventoryCsvImport).toEqual({ importedCount: ROWS, updatedCount: ROWS });
    expect(peakRssMiB(child)).toBeLessThan(PEAK_RSS_LIMIT_MIB);
  });
});
