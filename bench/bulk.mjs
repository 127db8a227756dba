import { freshDatabase } from './lib/databases.mjs';
import { rawPostgresUpsert, rawSqliteUpsert } from './lib/raw-upsert.mjs';
import { call, startService } from './lib/service-process.mjs';
import { median, progress } from './lib/stats.mjs';

/** The sku each product is registered with (the service copies it onto new records). */
const productSku = (id) => `SKU-${id}`;

/** The rows of one request: `items` products, all in warehouse `batch`. */
function batchRows(batch, items, pass) {
  return Array.from({ length: items }, (_, index) => ({ productId: index + 1, warehouseId: batch, quantity: index + pass }));
}

/**
 * Times `write` over every batch of each pass. `prepare` turns a batch into what `write` sends
 * (the REST request body) before the clock starts: the client's own JSON encoding is not the
 * service's cost, just as building the rows is not the raw driver's.
 */
async function timePasses(requests, items, write, prepare = (rows) => rows) {
  const rates = [];
  // The third pass sends the second pass's rows again: a full-feed sync of unchanged stock.
  for (const pass of [0, 1, 1]) {
    const batches = Array.from({ length: requests }, (_, batch) => prepare(batchRows(batch, items, pass)));
    const started = process.hrtime.bigint();
    for (const rows of batches) await write(rows);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push((requests * items) / seconds);
  }
  return { insert: rates[0], update: rates[1], unchanged: rates[2] };
}

async function serviceRun(dialect, requests, items) {
  const database = await freshDatabase(dialect);
  const service = await startService(database.url);
  try {
    const products = Array.from({ length: items }, (_, index) => ({ id: index + 1, sku: productSku(index + 1) }));
    await call(service, 'POST', '/v2/products/bulk', { products });
    const send = async (body) => {
      const response = await fetch(`${service.url}/v2/inventory/bulk/id/local`, {
        method: 'POST',
        headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
        body,
      });
      if (!response.ok) throw new Error(`bulk request failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
      await response.arrayBuffer();
    };
    return await timePasses(requests, items, send, (rows) => JSON.stringify({ inventory: rows }));
  } finally {
    await service.stop();
    await database.drop();
  }
}

async function rawRun(dialect, requests, items) {
  const database = await freshDatabase(dialect);
  const raw = dialect === 'sqlite' ? rawSqliteUpsert(database.file) : rawPostgresUpsert(database.url);
  try {
    return await timePasses(requests, items, (rows) => raw.upsert(rows), (rows) => rows.map((row) => ({ ...row, sku: productSku(row.productId) })));
  } finally {
    await raw.close();
    await database.drop();
  }
}

/**
 * REST bulk upsert (requests × items, products pre-registered; an insert pass, an update pass, then
 * the same rows again, which the service leaves untouched) beside a raw driver upsert of the same
 * rows. Medians of `runs` alternating runs.
 */
export async function benchBulk(dialect, { runs, requests, items }) {
  const service = [];
  const raw = [];
  for (let run = 1; run <= runs; run += 1) {
    progress(`${dialect} bulk: run ${run}/${runs} through REST`);
    service.push(await serviceRun(dialect, requests, items));
    progress(`${dialect} bulk: run ${run}/${runs} raw driver`);
    raw.push(await rawRun(dialect, requests, items));
  }
  const pick = (list, field) => median(list.map((entry) => entry[field]));
  return {
    insert: { service: pick(service, 'insert'), raw: pick(raw, 'insert') },
    update: { service: pick(service, 'update'), raw: pick(raw, 'update') },
    unchanged: { service: pick(service, 'unchanged'), raw: pick(raw, 'unchanged') },
  };
}
