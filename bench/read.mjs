import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { freshDatabase } from './lib/databases.mjs';
import { freePort, waitFor } from './lib/ports.mjs';
import { BENCH_CLIENT, call, startService } from './lib/service-process.mjs';
import { median, progress } from './lib/stats.mjs';

const BASELINE = fileURLToPath(new URL('./baseline-server.mjs', import.meta.url));

/** The query a federation gateway sends for `Product.inventory` of many products at once. */
const ENTITIES_QUERY = 'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { id inventory { productId totalQuantity totalReservedQuantity localQuantity localReservedQuantity supplierQuantity supplierReservedQuantity nextDeliveryDate } } } }';
/** Representations per `_entities` request. */
export const ENTITIES_PER_REQUEST = 100;
/** The read paths measured, each on the service and on the bare baseline. */
export const READ_KINDS = ['aggregate', 'entities', 'search'];

export async function seed(service, products, recordsPerProduct) {
  const ids = Array.from({ length: products }, (_, index) => index + 1);
  for (let from = 0; from < products; from += 10_000) {
    await call(service, 'POST', '/v2/products/bulk', { products: ids.slice(from, from + 10_000).map((id) => ({ id, sku: `SKU-${id}` })) });
  }
  for (let warehouse = 1; warehouse <= recordsPerProduct; warehouse += 1) {
    for (let from = 0; from < products; from += 10_000) {
      const inventory = ids.slice(from, from + 10_000).map((productId) => ({ productId, warehouseId: warehouse, quantity: productId % 97, ...(warehouse === 2 && { nextDeliveryDate: '2099-01-01' }) }));
      await call(service, 'POST', '/v2/inventory/bulk/id/local', { inventory });
    }
  }
}

function requestOf(kind, products) {
  const randomId = () => 1 + Math.floor(Math.random() * products);
  switch (kind) {
    case 'aggregate':
      return { method: 'GET', setupRequest: (req) => ({ ...req, path: `/v2/products/id/${randomId()}/inventory` }) };
    case 'entities':
      return {
        method: 'POST',
        path: '/graphql',
        setupRequest: (req) => {
          const representations = Array.from({ length: ENTITIES_PER_REQUEST }, () => ({ __typename: 'Product', id: randomId() }));
          return { ...req, body: JSON.stringify({ query: ENTITIES_QUERY, variables: { representations } }) };
        },
      };
    case 'search':
      return { method: 'POST', body: '{}', setupRequest: (req) => ({ ...req, path: `/v2/inventory/search?page=${1 + Math.floor(Math.random() * Math.ceil(products / 50))}&offset=50` }) };
    default:
      throw new Error(`unknown read kind ${kind}`);
  }
}

export function load(url, token, { connections, duration, products }, kind) {
  const request = requestOf(kind, products);
  const finished = new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, requests: [request] }, (error, result) => {
      if (error) reject(error);
      // `errors` counts connection errors, timeouts included; `non2xx` the answers that failed.
      else resolve({ rps: result.requests.average, requests: result.requests.total, p99: result.latency.p99, failed: result.non2xx, errors: result.errors, timeouts: result.timeouts });
    });
  });
  return finished.then(async (result) => {
    await settle(url, token);
    return result;
  });
}

/**
 * Waits for the requests autocannon left in flight when its time was up: a server keeps working
 * on them (a backlog of 50 searches is seconds of CPU), which the next measurement, of either
 * side, would otherwise pay for. One cheap request queued behind them answers once they are done.
 */
async function settle(url, token) {
  const response = await fetch(`${url}/v2/products/id/1/inventory`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
}

export async function startBaseline(databaseUrl, nodeArgs = []) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, BASELINE], {
    env: { ...process.env, BASELINE_DATABASE_URL: databaseUrl, BASELINE_PORT: String(port), BASELINE_JWK: JSON.stringify(await exportJWK(publicKey)) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const token = await new SignJWT({ tenant: BENCH_CLIENT.tenant, scope: 'inventory:read' }).setProtectedHeader({ alg: 'ES256' }).setIssuer('bench').setAudience('bench').setIssuedAt().setExpirationTime('1h').sign(privateKey);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/v2/products/id/1/inventory`, 30_000).catch(() => undefined);
  return {
    url,
    token,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Seconds of unrecorded load per path on each freshly started server, so neither side is measured
 * while its JIT warms up: after 1 s the service (far more code than the baseline) still ran its
 * first measured aggregate second at half the rate of its next.
 */
export const WARM_UP_SECONDS = 3;

/**
 * Unrecorded load of one path right before it is measured: warmed once at start, a path the
 * server has since been running others on measured at half its rate for its first seconds.
 */
async function warmUp(server, options, kind) {
  // Search is not guarded and each of its requests is long: one second warms it enough.
  await load(server.url, server.token, { ...options, duration: kind === 'search' ? 1 : WARM_UP_SECONDS }, kind);
}

/** GraphQL answers errors with status 200, so one `_entities` answer is checked whole before its load counts. */
async function checkEntities(server) {
  const ids = Array.from({ length: ENTITIES_PER_REQUEST }, (_, index) => index + 1);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: ENTITIES_QUERY, variables: { representations: ids.map((id) => ({ __typename: 'Product', id })) } }),
  });
  const body = await response.json();
  const entities = body?.data?._entities;
  const sane = response.ok && body.errors === undefined && Array.isArray(entities) && entities.every((entity, index) => entity.id === ids[index] && entity.inventory.productId === ids[index]);
  if (!sane) throw new Error(`${server.url}/graphql answered _entities wrongly: ${JSON.stringify(body).slice(0, 300)}`);
}

/**
 * Reads at `connections` concurrent connections: the aggregate GET for random products, the
 * federation `_entities` query for 100 random products, and a paged search, on the service and on
 * the bare baseline over the same data. Medians of `runs`.
 */
export async function benchReads(dialect, options) {
  const database = await freshDatabase(dialect);
  try {
    const results = Object.fromEntries(READ_KINDS.map((kind) => [kind, { service: [], baseline: [] }]));
    progress(`${dialect} reads: seeding ${options.products} products × ${options.recordsPerProduct} records`);
    const service = await startService(database.url);
    await seed(service, options.products, options.recordsPerProduct);
    await database.analyze();
    await service.stop();
    for (let run = 1; run <= options.runs; run += 1) {
      // Both sides run at once and each path is measured on one right after the other, so the
      // load other users put on a shared machine moves both figures of a ratio alike.
      const sides = {};
      try {
        sides.service = await startService(database.url);
        sides.baseline = await startBaseline(database.url);
        for (const server of Object.values(sides)) await checkEntities(server);
        for (const kind of READ_KINDS) {
          for (const [side, server] of Object.entries(sides)) {
            await warmUp(server, options, kind);
            progress(`${dialect} reads: run ${run}/${options.runs} ${kind} on the ${side === 'service' ? 'service' : 'bare baseline'} (${options.duration} s)`);
            results[kind][side].push(await load(server.url, server.token, options, kind));
          }
        }
      } finally {
        await Promise.all(Object.values(sides).map((server) => server.stop()));
      }
    }
    const total = (list, field) => list.reduce((sum, entry) => sum + entry[field], 0);
    const summarise = (list) => ({ rps: median(list.map((entry) => entry.rps)), p99: median(list.map((entry) => entry.p99)), failed: total(list, 'failed'), errors: total(list, 'errors'), timeouts: total(list, 'timeouts') });
    return Object.fromEntries(Object.entries(results).map(([kind, sides]) => [kind, { service: summarise(sides.service), baseline: summarise(sides.baseline) }]));
  } finally {
    await database.drop();
  }
}
