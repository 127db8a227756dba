import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { freshDatabase } from './lib/databases.mjs';
import { call, startService } from './lib/service-process.mjs';
import { progress } from './lib/stats.mjs';

const PRODUCTS = 10_000;

async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write('lookupKey,inventoryType,quantity,productId,warehouseId,location,costPrice,notes\r\n');
  let chunk = '';
  for (let row = 0; row < rows; row += 1) {
    chunk += `id,local,${row % 1000},${(row % PRODUCTS) + 1},${Math.floor(row / PRODUCTS)},"A-${row % 7}, shelf",${(row % 10000) / 100},"row ${row}"\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

/** Imports a generated CSV file of `rows` rows through REST, streaming; rows/s and the server's peak RSS. */
export async function benchCsv(dialect, { rows }) {
  const folder = mkdtempSync(join(tmpdir(), 'inventory-csv-'));
  const file = join(folder, 'inventory.csv');
  progress(`${dialect} csv: writing a ${rows.toLocaleString('en-US')}-row file`);
  await writeCsv(file, rows);
  const database = await freshDatabase(dialect);
  const service = await startService(database.url);
  try {
    await call(service, 'POST', '/v2/products/bulk', { products: Array.from({ length: PRODUCTS }, (_, index) => ({ id: index + 1 })) });
    progress(`${dialect} csv: importing`);
    const started = process.hrtime.bigint();
    const response = await fetch(`${service.url}/v2/inventory/import/csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)),
      duplex: 'half',
    });
    const body = await response.json();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!response.ok) throw new Error(`csv import failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    const { importedCount, errors } = body.data;
    return { rows, importedCount, errors: errors.length, seconds, rowsPerSecond: importedCount / seconds, peakRssMiB: service.peakRssMiB() };
  } finally {
    await service.stop();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}
