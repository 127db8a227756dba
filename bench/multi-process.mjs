// `pnpm bench:multi-process`: two server processes (built) over one PostgreSQL database, for
// --seconds (default 60): writers alternate between the processes sending overlapping bulk upserts
// (shuffled keys of one shared key space, several tenants) while readers search and read on both.
// Tokens of one process are used on the other. Afterwards SQL checks that no identity key has two
// rows and that every key written is there once. Exits 1 on any failed request or duplicate.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freshDatabase, postgresAvailable } from './lib/databases.mjs';
import { BENCH_CLIENT, fetchToken, startService } from './lib/service-process.mjs';
import { percentile } from './lib/soak-stats.mjs';
import { formatNumber, printTable, progress } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    writers: { type: 'string', default: '4' },
    readers: { type: 'string', default: '4' },
    items: { type: 'string', default: '1000' },
  },
});
const SECONDS = Math.min(Number(values.seconds), 1500);
const ITEMS = Number(values.items);
const PRODUCTS = 1000;
const WAREHOUSES = 5;
const TENANTS = ['east', 'west'].map((name) => ({ clientId: `mp-${name}`, clientSecret: `mp-${name}-secret-0123456789abcdef012`, tenant: `mp-${name}`, scopes: ['inventory:read', 'inventory:write'] }));
const random = (n) => Math.floor(Math.random() * n);

async function send(url, accessToken, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** `ITEMS` distinct keys of the shared key space, in random order. */
function overlappingItems(quantity) {
  const chosen = new Set();
  while (chosen.size < ITEMS) chosen.add(random(PRODUCTS * WAREHOUSES));
  return [...chosen].map((key) => ({ productId: (key % PRODUCTS) + 1, warehouseId: Math.floor(key / PRODUCTS) + 1, quantity }));
}

if (!(await postgresAvailable())) {
  console.error('✗ PostgreSQL unreachable (BENCH_DATABASE_URL / TEST_DATABASE_URL): the multi-process bench needs it');
  process.exit(1);
}
const database = await freshDatabase('postgres');
const env = { AUTH_CLIENTS: JSON.stringify([BENCH_CLIENT, ...TENANTS]), LOG_LEVEL: 'warn' };
const servers = await Promise.all([startService(database.url, env), startService(database.url, env)]);
const problems = [];
try {
  // Each tenant's token comes from one process and is used on both.
  const tenants = await Promise.all(TENANTS.map(async (client, index) => ({ ...client, token: await fetchToken(servers[index % 2].url, client) })));
  for (const tenant of tenants) {
    await send(servers[0].url, tenant.token, 'POST', '/v2/products/bulk', { products: Array.from({ length: PRODUCTS }, (_, index) => ({ id: index + 1, sku: `SKU-${index + 1}` })) });
  }
  progress(`two processes (pids ${servers.map((server) => server.pid).join(', ')}), ${SECONDS} s: ${values.writers} writers × ${ITEMS} overlapping items, ${values.readers} readers`);
  const stats = { bulk: [[], []], read: [[], []], errors: [], items: 0 };
  const ends = performance.now() + SECONDS * 1000;
  let round = 0;
  const writer = async (id) => {
    for (let turn = 0; performance.now() < ends; turn += 1) {
      const server = (id + turn) % 2;
      const tenant = tenants[random(tenants.length)];
      const begun = performance.now();
      try {
        const result = await send(servers[server].url, tenant.token, 'POST', '/v2/inventory/bulk/id/local', { inventory: overlappingItems((round += 1)) });
        const failed = result.data.filter((item) => !item.success);
        if (failed.length > 0) throw new Error(`bulk item failed: ${JSON.stringify(failed[0])}`);
        stats.items += result.data.length;
        stats.bulk[server].push(performance.now() - begun);
      } catch (error) {
        stats.errors.push(String(error.message ?? error));
      }
    }
  };
  const reader = async (id) => {
    for (let turn = 0; performance.now() < ends; turn += 1) {
      const server = (id + turn) % 2;
      const tenant = tenants[random(tenants.length)];
      const begun = performance.now();
      try {
        if (turn % 2 === 0) await send(servers[server].url, tenant.token, 'GET', `/v2/products/id/${random(PRODUCTS) + 1}/inventory?expands=inventoryBalance`);
        else await send(servers[server].url, tenant.token, 'POST', `/v2/inventory/search?offset=100&page=${random(10) + 1}`, {});
        stats.read[server].push(performance.now() - begun);
      } catch (error) {
        stats.errors.push(String(error.message ?? error));
      }
    }
  };
  await Promise.all([...Array.from({ length: Number(values.writers) }, (_, id) => writer(id)), ...Array.from({ length: Number(values.readers) }, (_, id) => reader(id))]);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const duplicates = await client.query('SELECT count(*)::int AS n FROM (SELECT 1 FROM inventory GROUP BY tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id HAVING count(*) > 1) d');
  const rows = await client.query('SELECT tenant, count(*)::int AS n FROM inventory GROUP BY tenant ORDER BY tenant');
  await client.end();

  console.log(`\n## two processes over one PostgreSQL database, ${SECONDS} s`);
  printTable([
    ['process', 'bulk requests', 'bulk p50 ms', 'bulk p99 ms', 'reads', 'read p50 ms', 'read p99 ms'],
    ...[0, 1].map((server) => [
      `#${server + 1}`,
      stats.bulk[server].length,
      formatNumber(percentile(stats.bulk[server], 0.5), 1),
      formatNumber(percentile(stats.bulk[server], 0.99), 1),
      stats.read[server].length,
      formatNumber(percentile(stats.read[server], 0.5), 1),
      formatNumber(percentile(stats.read[server], 0.99), 1),
    ]),
  ]);
  console.log(`bulk items upserted ${formatNumber(stats.items)}, failed requests ${stats.errors.length}, duplicate identity keys ${duplicates.rows[0].n}`);
  console.log(`rows per tenant: ${rows.rows.map((row) => `${row.tenant} ${row.n}`).join(', ')} (at most ${PRODUCTS * WAREHOUSES} keys each)`);
  for (const error of stats.errors.slice(0, 5)) console.log(`  ✗ ${error}`);
  if (stats.errors.length > 0) problems.push(`${stats.errors.length} failed requests`);
  if (duplicates.rows[0].n > 0) problems.push(`${duplicates.rows[0].n} duplicate identity keys`);
  if (rows.rows.some((row) => row.n > PRODUCTS * WAREHOUSES)) problems.push('more rows than keys');
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await database.drop();
}
if (problems.length > 0) {
  console.log(`\n✗ ${problems.join('\n✗ ')}`);
  process.exitCode = 1;
} else {
  console.log('\n✓ zero errors, no duplicate rows, tokens accepted across processes');
}
