import { freshDatabase } from './lib/databases.mjs';
import { rawPostgresAdjust, rawSqliteAdjust } from './lib/raw-adjust.mjs';
import { rawPostgresUpsert, rawSqliteUpsert } from './lib/raw-upsert.mjs';
import { call, startService } from './lib/service-process.mjs';
import { median, progress } from './lib/stats.mjs';

const STOCK = 1_000;

/** The stock adjustments start from: one record per product in each warehouse (the batch). */
const stockRows = (requests, items) => Array.from({ length: requests }, (_, batch) => Array.from({ length: items }, (_, index) => ({ productId: index + 1, warehouseId: batch, quantity: STOCK, sku: `SKU-${index + 1}` })));

/** One request's adjustments: every record of warehouse `batch`, by a small delta either way (all accepted). */
const adjustmentRows = (batch, items) => Array.from({ length: items }, (_, index) => ({ productId: index + 1, warehouseId: batch, delta: index % 2 === 0 ? 1 + (index % 5) : -(1 + (index % 7)) }));

async function time(requests, items, write, prepare) {
  const batches = Array.from({ length: requests }, (_, batch) => prepare(adjustmentRows(batch, items)));
  const started = process.hrtime.bigint();
  for (const batch of batches) await write(batch);
  return (requests * items) / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function serviceRun(dialect, requests, items) {
  const database = await freshDatabase(dialect);
  const service = await startService(database.url);
  try {
    await call(service, 'POST', '/v2/products/bulk', { products: Array.from({ length: items }, (_, index) => ({ id: index + 1, sku: `SKU-${index + 1}` })) });
    for (const rows of stockRows(requests, items)) await call(service, 'POST', '/v2/inventory/bulk/id/local', { inventory: rows.map(({ sku: _sku, ...row }) => row) });
    const send = async (body) => {
      const response = await fetch(`${service.url}/v2/inventory/adjustments/id/local`, { method: 'POST', headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' }, body });
      const text = await response.text();
      if (!response.ok || text.includes('"success":false')) throw new Error(`adjustment request failed: ${response.status} ${text.slice(0, 300)}`);
    };
    return await time(requests, items, send, (rows) => JSON.stringify({ adjustments: rows.map((row) => ({ ...row, reason: 'receipt' })) }));
  } finally {
    await service.stop();
    await database.drop();
  }
}

async function rawRun(dialect, requests, items) {
  const database = await freshDatabase(dialect);
  const upsert = dialect === 'sqlite' ? rawSqliteUpsert(database.file) : rawPostgresUpsert(database.url);
  for (const rows of stockRows(requests, items)) await upsert.upsert(rows);
  await upsert.close();
  const raw = dialect === 'sqlite' ? rawSqliteAdjust(database.file) : rawPostgresAdjust(database.url);
  try {
    return await time(requests, items, (rows) => raw.adjust(rows), (rows) => rows);
  } finally {
    await raw.close();
    await database.drop();
  }
}

/**
 * REST adjustments (requests × items on existing records, every delta accepted, each with its
 * movement) beside a raw per-row `UPDATE … SET quantity = quantity + ?` loop plus a movement
 * insert. Medians of `runs` alternating runs, in adjustments per second.
 */
export async function benchAdjust(dialect, { runs, requests, items }) {
  const service = [];
  const raw = [];
  for (let run = 1; run <= runs; run += 1) {
    progress(`${dialect} adjust: run ${run}/${runs} through REST`);
    service.push(await serviceRun(dialect, requests, items));
    progress(`${dialect} adjust: run ${run}/${runs} raw driver`);
    raw.push(await rawRun(dialect, requests, items));
  }
  return { service: median(service), raw: median(raw) };
}
