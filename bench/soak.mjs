// `pnpm bench:soak`: a bounded soak of the built server on loopback — mixed reads and writes of
// several tenants (static clients of AUTH_CLIENTS) for --seconds (default 180) or --max-requests,
// whichever ends first, on SQLite and PostgreSQL. Reports per minute: requests, p50/p99 latency,
// errors and server RSS. Exits 1 on any failed request, or when RSS grew by more than 30% and
// 40 MiB from the end of the first minute (warm) to the end (unless --no-guard).
import { parseArgs } from 'node:util';
import { freshDatabase, postgresAvailable } from './lib/databases.mjs';
import { BENCH_CLIENT, fetchToken, startService } from './lib/service-process.mjs';
import { percentile, rssMiB, slope } from './lib/soak-stats.mjs';
import { formatNumber, printTable, progress } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    'max-requests': { type: 'string', default: '5000000' },
    connections: { type: 'string', default: '8' },
    tenants: { type: 'string', default: '4' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    'no-guard': { type: 'boolean', default: false },
  },
});
const SECONDS = Math.min(Number(values.seconds), 1500);
const MAX_REQUESTS = Number(values['max-requests']);
const CONNECTIONS = Number(values.connections);
const PRODUCTS = 500;
const WAREHOUSES = 8;
const BULK_ITEMS = 100;
const TENANTS = Array.from({ length: Number(values.tenants) }, (_, index) => ({
  clientId: `soak-${index + 1}`,
  clientSecret: `soak-secret-${index + 1}-0123456789abcdef012`,
  tenant: `soak-${index + 1}`,
  scopes: ['inventory:read', 'inventory:write'],
}));

const random = (n) => Math.floor(Math.random() * n);

/** One JSON call; throws with the status and the start of the body on anything but 2xx. */
async function send(url, tenant, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) throw new Error(`${method} ${path.replace(/\d+/g, 'N')} → ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

function bulkItems() {
  return Array.from({ length: BULK_ITEMS }, () => ({ productId: random(PRODUCTS) + 1, warehouseId: random(WAREHOUSES) + 1, quantity: random(1000), costPrice: random(100000) / 100 }));
}

/** The mix: weight and operation; writes remember record ids for later record reads and patches. */
function operations(url) {
  const rememberIds = (tenant, result) => {
    for (const item of result.data) if (item.success && tenant.ids.length < 5000) tenant.ids.push(item.id);
  };
  const someId = (tenant) => tenant.ids[random(tenant.ids.length)];
  return [
    [35, (tenant) => send(url, tenant, 'GET', `/v2/products/id/${random(PRODUCTS) + 1}/inventory?expands=inventoryBalance`)],
    [15, (tenant) => send(url, tenant, 'POST', `/v2/inventory/search?offset=50&page=${random(10) + 1}`, { warehouseIds: [random(WAREHOUSES) + 1] })],
    [10, (tenant) => send(url, tenant, 'GET', `/v2/inventory/id/${someId(tenant)}`)],
    [25, async (tenant) => rememberIds(tenant, await send(url, tenant, 'POST', '/v2/inventory/bulk/id/local', { inventory: bulkItems() }))],
    [10, (tenant) => send(url, tenant, 'PATCH', `/v2/inventory/id/${someId(tenant)}`, { quantity: random(1000), notes: `soak ${Date.now()}` })],
    [5, (tenant) => send(url, tenant, 'PUT', `/v2/products/id/${random(PRODUCTS) + 1}`, { sku: `SKU-${random(PRODUCTS) + 1}-${random(1e9)}`, costPrice: random(1000) })],
  ];
}

function pick(weighted) {
  let roll = random(weighted.reduce((sum, [weight]) => sum + weight, 0));
  for (const [weight, operation] of weighted) {
    if (roll < weight) return operation;
    roll -= weight;
  }
  return weighted[0][1];
}

async function soak(dialect) {
  const database = await freshDatabase(dialect);
  const service = await startService(database.url, { AUTH_CLIENTS: JSON.stringify([BENCH_CLIENT, ...TENANTS]), LOG_LEVEL: 'warn' });
  try {
    const tenants = await Promise.all(TENANTS.map(async (client) => ({ ...client, token: await fetchToken(service.url, client), ids: [] })));
    progress(`${dialect}: seeding ${tenants.length} tenants × ${PRODUCTS} products × ${WAREHOUSES} warehouses`);
    for (const tenant of tenants) {
      await send(service.url, tenant, 'POST', '/v2/products/bulk', { products: Array.from({ length: PRODUCTS }, (_, index) => ({ id: index + 1, sku: `SKU-${index + 1}` })) });
      for (let warehouseId = 1; warehouseId <= WAREHOUSES; warehouseId += 1) {
        const inventory = Array.from({ length: PRODUCTS }, (_, index) => ({ productId: index + 1, warehouseId, quantity: 10 }));
        const result = await send(service.url, tenant, 'POST', '/v2/inventory/bulk/id/local', { inventory });
        for (const item of result.data.slice(0, 200)) tenant.ids.push(item.id);
      }
    }
    const mix = operations(service.url);
    const minutes = [];
    const errors = [];
    const rss = [[0, rssMiB(service.pid)]];
    const started = performance.now();
    const ends = started + SECONDS * 1000;
    let issued = 0;
    progress(`${dialect}: ${SECONDS} s of mixed load at ${CONNECTIONS} connections (RSS at start ${formatNumber(rss[0][1], 1)} MiB)`);
    const sampler = setInterval(() => rss.push([(performance.now() - started) / 1000, rssMiB(service.pid)]), 5000);
    const worker = async () => {
      while (performance.now() < ends && issued < MAX_REQUESTS) {
        issued += 1;
        const tenant = tenants[random(tenants.length)];
        const begun = performance.now();
        const minute = Math.floor((begun - started) / 60_000);
        minutes[minute] ??= { latencies: [], errors: 0 };
        try {
          await pick(mix)(tenant);
          minutes[minute].latencies.push(performance.now() - begun);
        } catch (error) {
          minutes[minute].errors += 1;
          if (errors.length < 5) errors.push(String(error.message ?? error));
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    rss.push([seconds, rssMiB(service.pid)]);
    return { dialect, minutes, errors, rss, seconds };
  } finally {
    await service.stop();
    await database.drop();
  }
}

function report({ dialect, minutes, errors, rss, seconds }) {
  const rssAt = (second) => rss.reduce((found, [at, value]) => (at <= second ? value : found), rss[0][1]);
  console.log(`\n## ${dialect}: ${formatNumber(seconds, 0)} s, ${CONNECTIONS} connections, ${TENANTS.length} tenants`);
  printTable([
    ['minute', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'RSS MiB at end'],
    ...minutes.map((minute, index) => {
      const span = Math.min(60, seconds - index * 60);
      return [index + 1, minute.latencies.length + minute.errors, formatNumber(minute.latencies.length / span), formatNumber(percentile(minute.latencies, 0.5), 1), formatNumber(percentile(minute.latencies, 0.99), 1), minute.errors, formatNumber(rssAt((index + 1) * 60), 1)];
    }),
  ]);
  const all = minutes.flatMap((minute) => minute.latencies);
  const failed = minutes.reduce((sum, minute) => sum + minute.errors, 0);
  const start = rss[0][1];
  const warm = rssAt(60);
  const end = rss.at(-1)[1];
  const trend = slope(rss.filter(([at]) => at >= 60)) * 60;
  console.log(`requests ${all.length + failed}, errors ${failed}, p50 ${formatNumber(percentile(all, 0.5), 1)} ms, p99 ${formatNumber(percentile(all, 0.99), 1)} ms`);
  console.log(`RSS MiB: start ${formatNumber(start, 1)}, after minute 1 ${formatNumber(warm, 1)}, end ${formatNumber(end, 1)}, slope after minute 1 ${formatNumber(trend, 2)} MiB/min`);
  for (const error of errors) console.log(`  ✗ ${error}`);
  const problems = [];
  if (failed > 0) problems.push(`${dialect}: ${failed} failed requests`);
  if (end - warm > 40 && end > warm * 1.3) problems.push(`${dialect}: RSS grew from ${formatNumber(warm, 1)} to ${formatNumber(end, 1)} MiB`);
  return problems;
}

const problems = [];
for (const dialect of values.dialects.split(',')) {
  if (dialect === 'postgres' && !(await postgresAvailable())) {
    console.warn('⚠ PostgreSQL unreachable (BENCH_DATABASE_URL / TEST_DATABASE_URL): PostgreSQL soak SKIPPED');
    continue;
  }
  problems.push(...report(await soak(dialect)));
}
if (problems.length > 0) {
  console.log(`\n✗ ${problems.join('\n✗ ')}`);
  if (!values['no-guard'] || problems.some((problem) => problem.includes('failed'))) process.exitCode = 1;
} else {
  console.log('\n✓ no failed request, no RSS growth');
}
