import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { freshDatabase } from './lib/databases.mjs';
import { freePort, waitFor } from './lib/ports.mjs';
import { BENCH_CLIENT, call, startService } from './lib/service-process.mjs';
import { median, progress } from './lib/stats.mjs';

const BASELINE = fileURLToPath(new URL('./baseline-server.mjs', import.meta.url));

async function seed(service, products, recordsPerProduct) {
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

function load(url, token, { connections, duration, products }, kind) {
  const request =
    kind === 'aggregate'
      ? { method: 'GET', setupRequest: (req) => ({ ...req, path: `/v2/products/id/${1 + Math.floor(Math.random() * products)}/inventory` }) }
      : { method: 'POST', body: '{}', setupRequest: (req) => ({ ...req, path: `/v2/inventory/search?page=${1 + Math.floor(Math.random() * Math.ceil(products / 50))}&offset=50` }) };
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, requests: [request] }, (error, result) => {
      if (error) reject(error);
      // `errors` counts connection errors, timeouts included; `non2xx` the answers that failed.
      else resolve({ rps: result.requests.average, p99: result.latency.p99, failed: result.non2xx, errors: result.errors, timeouts: result.timeouts });
    });
  });
}

async function startBaseline(databaseUrl) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const port = await freePort();
  const child = spawn(process.execPath, [BASELINE], {
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

/** Seconds of unrecorded load on each freshly started server, so neither side is measured while its JIT warms up. */
const WARM_UP_SECONDS = 1;

async function warmUp(server, options) {
  for (const kind of ['aggregate', 'search']) await load(server.url, server.token, { ...options, duration: WARM_UP_SECONDS }, kind);
}

/**
 * Reads at `connections` concurrent connections: the aggregate GET for random products and a
 * paged search, on the service and on the bare baseline over the same data. Medians of `runs`.
 */
export async function benchReads(dialect, options) {
  const database = await freshDatabase(dialect);
  try {
    const results = { aggregate: { service: [], baseline: [] }, search: { service: [], baseline: [] } };
    progress(`${dialect} reads: seeding ${options.products} products × ${options.recordsPerProduct} records`);
    let service = await startService(database.url);
    await seed(service, options.products, options.recordsPerProduct);
    await database.analyze();
    for (let run = 1; run <= options.runs; run += 1) {
      await warmUp(service, options);
      for (const kind of ['aggregate', 'search']) {
        progress(`${dialect} reads: run ${run}/${options.runs} ${kind} on the service (${options.duration} s)`);
        results[kind].service.push(await load(service.url, service.token, options, kind));
      }
      await service.stop();
      const baseline = await startBaseline(database.url);
      await warmUp(baseline, options);
      for (const kind of ['aggregate', 'search']) {
        progress(`${dialect} reads: run ${run}/${options.runs} ${kind} on the bare baseline (${options.duration} s)`);
        results[kind].baseline.push(await load(baseline.url, baseline.token, options, kind));
      }
      await baseline.stop();
      if (run < options.runs) service = await startService(database.url);
    }
    const total = (list, field) => list.reduce((sum, entry) => sum + entry[field], 0);
    const summarise = (list) => ({ rps: median(list.map((entry) => entry.rps)), p99: median(list.map((entry) => entry.p99)), failed: total(list, 'failed'), errors: total(list, 'errors'), timeouts: total(list, 'timeouts') });
    return Object.fromEntries(Object.entries(results).map(([kind, sides]) => [kind, { service: summarise(sides.service), baseline: summarise(sides.baseline) }]));
  } finally {
    await database.drop();
  }
}
