// `pnpm bench:scale`: how the costs of the hot paths grow with the data, from 10k to 1M records
// (10 records per product), through the real server. Each path is timed at every size; a path is
// fine when its cost follows its own input (the items of a request, the records of a product, the
// records a search counts), not the size of the table. Options: --dialects=sqlite,postgres,
// --sizes=10000,100000,1000000. Bounded: 1M records take ~1 min to load on SQLite here.
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freshDatabase, postgresAvailable } from './lib/databases.mjs';
import { call, startService } from './lib/service-process.mjs';
import { formatNumber, median, printTable, progress } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    dialects: { type: 'string', default: 'sqlite,postgres' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
  },
});
const WAREHOUSES = 10;
const BATCH = 10_000;
const SAMPLES = 200;

/** Sequential requests, so each time is one request's own latency; returns the median in ms. */
async function timeEach(count, send) {
  const times = [];
  for (let index = 0; index < count; index += 1) {
    const started = process.hrtime.bigint();
    await send(index);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

function post(service, path, body) {
  return call(service, 'POST', path, body);
}

/** 10k items: `BATCH / WAREHOUSES` products from `firstProduct`, one record in each warehouse. */
function itemsFrom(firstProduct, quantity) {
  const items = [];
  for (let offset = 0; offset < BATCH / WAREHOUSES; offset += 1) {
    for (let warehouse = 1; warehouse <= WAREHOUSES; warehouse += 1) items.push({ productId: firstProduct + offset, warehouseId: warehouse, quantity: quantity + offset });
  }
  return items;
}

/** Grows the data to `records`, timing each 10k-item insert; returns the median ms per request. */
async function growTo(service, from, records) {
  const products = records / WAREHOUSES;
  const firstNew = from / WAREHOUSES + 1;
  for (let id = firstNew; id <= products; id += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, products - id + 1) }, (_, index) => id + index);
    await post(service, '/v2/products/bulk', { products: ids.map((productId) => ({ id: productId, sku: `SKU-${productId}` })) });
  }
  const requests = (records - from) / BATCH;
  return timeEach(requests, (index) => post(service, '/v2/inventory/bulk/id/local', { inventory: itemsFrom(firstNew + (index * BATCH) / WAREHOUSES, 1) }));
}

async function measureSize(service, database, from, records) {
  progress(`growing to ${formatNumber(records)} records`);
  const insertMs = await growTo(service, from, records);
  await database.analyze();
  const products = records / WAREHOUSES;
  const randomProduct = () => 1 + Math.floor(Math.random() * products);
  progress(`${formatNumber(records)} records: updates and reads`);
  const updateMs = await timeEach(3, (index) => post(service, '/v2/inventory/bulk/id/local', { inventory: itemsFrom(1 + ((index * BATCH) / WAREHOUSES) % products, 7 + index) }));
  const get = (path) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${service.token}` } }).then((response) => response.arrayBuffer());
  await timeEach(SAMPLES, () => get(`/v2/products/id/${randomProduct()}/inventory`));
  const aggregateMs = await timeEach(SAMPLES, () => get(`/v2/products/id/${randomProduct()}/inventory`));
  const load = await autocannon({
    url: service.url,
    connections: 50,
    duration: 3,
    headers: { authorization: `Bearer ${service.token}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/v2/products/id/${randomProduct()}/inventory` }) }],
  });
  const byIdsMs = await timeEach(20, () => post(service, '/v2/inventory/search?offset=50', { productIds: Array.from({ length: 50 }, randomProduct) }));
  const firstPageMs = await timeEach(10, () => post(service, '/v2/inventory/search?offset=50', {}));
  const lastPageMs = await timeEach(5, () => post(service, `/v2/inventory/search?offset=50&page=${Math.ceil(products / 50)}`, {}));
  return { records, insertMs, updateMs, aggregateMs, rps: load.requests.average, p99: load.latency.p99, failed: load.non2xx + load.errors, byIdsMs, firstPageMs, lastPageMs };
}

async function scale(dialect, sizes) {
  const database = await freshDatabase(dialect);
  const service = await startService(database.url);
  try {
    const rows = [];
    let from = 0;
    for (const records of sizes) {
      rows.push(await measureSize(service, database, from, records));
      from = records;
    }
    return rows;
  } finally {
    await service.stop();
    await database.drop();
  }
}

const sizes = values.sizes.split(',').map(Number);
if (sizes.some((size, index) => size % BATCH !== 0 || size <= (sizes[index - 1] ?? 0))) throw new Error(`--sizes must grow and be multiples of ${BATCH}`);
console.log(`Inventory service scale check — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${WAREHOUSES} records per product, bulk requests of ${formatNumber(BATCH)} items\n`);
for (const dialect of values.dialects.split(',')) {
  if (dialect === 'postgres' && !(await postgresAvailable())) {
    console.warn('⚠ PostgreSQL unreachable: PostgreSQL scale check SKIPPED');
    continue;
  }
  const started = Date.now();
  const rows = await scale(dialect, sizes);
  console.log(`\n## ${dialect} (${formatNumber((Date.now() - started) / 1000)} s)`);
  printTable([
    ['records', 'bulk insert ms/10k', 'bulk update ms/10k', 'aggregate GET ms', 'aggregate req/s (50 conn)', 'p99 ms', 'search 50 ids ms', 'search page 1 ms', 'search last page ms'],
    ...rows.map((row) => [
      formatNumber(row.records),
      formatNumber(row.insertMs),
      formatNumber(row.updateMs),
      formatNumber(row.aggregateMs, 2),
      `${formatNumber(row.rps)}${row.failed > 0 ? ` (${row.failed} failed)` : ''}`,
      formatNumber(row.p99),
      formatNumber(row.byIdsMs, 1),
      formatNumber(row.firstPageMs, 1),
      formatNumber(row.lastPageMs, 1),
    ]),
  ]);
  const [first, last] = [rows[0], rows.at(-1)];
  const growth = (field) => formatNumber(last[field] / first[field], 1);
  console.log(`${formatNumber(last.records / first.records)}× the records: bulk insert ×${growth('insertMs')}, update ×${growth('updateMs')}, aggregate GET ×${growth('aggregateMs')}, search by ids ×${growth('byIdsMs')}, search page 1 ×${growth('firstPageMs')} (it counts every product of the tenant)`);
}
