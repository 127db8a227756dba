// `node bench/profile-reads.mjs`: where one read request spends its CPU, step by step, on the
// service and on the bare baseline. Each server runs under `--cpu-prof` while one path is loaded
// (after the same warm-up as `pnpm bench`); every sample is charged to the nearest frame of its
// stack that belongs to a known step (node internals and natives such as JSON.stringify count for
// the code that called them), and the table prints CPU µs per request. Build first
// (`pnpm run build`). Options: --dialect=sqlite|postgres, --path=aggregate|entities,
// --duration=S, --products=N.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freshDatabase } from './lib/databases.mjs';
import { startService } from './lib/service-process.mjs';
import { formatNumber, printTable, progress } from './lib/stats.mjs';
import { load, seed, startBaseline, WARM_UP_SECONDS } from './read.mjs';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    path: { type: 'string', default: 'aggregate' },
    duration: { type: 'string', default: '8' },
    products: { type: 'string', default: '10000' },
    detail: { type: 'string' },
  },
});
const details = new Set((values.detail ?? '').split(',').filter((step) => step !== ''));
const options = { connections: 50, duration: Number(values.duration), products: Number(values.products) };

/**
 * The steps of a request, first match wins, by the script a frame runs in. Order matters where a
 * step calls into another's package (the request context calls pino; the presenter's output is
 * serialised by express's response).
 */
const STEPS = [
  ['request id + request log (pino)', /request-context|\/pino|sonic-boom|thread-stream|fast-redact|quick-format/],
  ['metrics (prom-client)', /request-metrics|prom-client|server-metrics|tdigest|bintrees/],
  ['security headers (helmet)', /security-headers|\/helmet\//],
  ['CORS', /http\/cors\.js/],
  ['token verification (jose)', /\/jose\/|auth\/dist\/verification|auth\/dist\/keys|require-scope|bearer-auth-plugin|token-cache/],
  ['zod (params, query)', /\/zod\/|zod-issues/],
  ['route handler + presenter', /route-kit|presenters|envelope|product-inventory-routes|product-lookup|response-writer/],
  ['res.json (JSON + headers + write)', /express\/lib\/response\.js/],
  ['core use case', /core\/dist/],
  ['SQL (adapter + driver)', /adapters-sql|knex|better-sqlite3|\/pg\/|pg-protocol|pg-pool|pg-types|postgres-/],
  ['GraphQL: yoga + fetch adapter', /graphql-yoga|@whatwg-node|@envelop|@graphql-yoga|urlpattern/],
  ['GraphQL: graphql-js execution', /\/graphql\/(execution|type|jsutils|utilities|language|validation|error)|@graphql-tools/],
  ['GraphQL: subgraph resolvers + plugins', /packages\/graphql\/dist|\/graphql\/dist|dataloader/],
  ['express routing + body reading', /\/express\/|\/router\/|finalhandler|body-parser|raw-body|path-to-regexp|on-finished|type-is|content-type|iconv|qs\//],
  ['other app code', /apps\/server\/dist|bench\/baseline-server/],
];
const UNCLAIMED = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'V8 / libuv outside JS',
};

function profileOf(folder) {
  const [file] = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no CPU profile written in ${folder}`);
  return JSON.parse(readFileSync(join(folder, file), 'utf8'));
}

/**
 * Microseconds of CPU by step for the samples taken within `window` (monotonic µs: V8 stamps
 * samples with the same clock as `process.hrtime`), so start-up and warm-up are left out.
 */
function stepsOf(profile, window) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const claimed = new Map();
  /** The step of the nearest frame (this one or a caller) that belongs to one; undefined when none does. */
  const claimOf = (id) => {
    if (claimed.has(id)) return claimed.get(id);
    const { callFrame } = nodes.get(id);
    const up = parent.get(id);
    const step = STEPS.find(([, pattern]) => pattern.test(callFrame.url))?.[0] ?? (up === undefined ? undefined : claimOf(up));
    claimed.set(id, step);
    return step;
  };
  const stepOf = (id) => {
    const { callFrame } = nodes.get(id);
    return claimOf(id) ?? UNCLAIMED[callFrame.functionName] ?? (callFrame.url.startsWith('node:') || callFrame.url === '' ? 'node http + sockets' : 'other');
  };
  const totals = new Map();
  let at = profile.startTime;
  for (const [index, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < window.from || at > window.to || nodes.get(id).callFrame.functionName === '(idle)') continue;
    const step = stepOf(id);
    totals.set(step, (totals.get(step) ?? 0) + delta);
    if (details.has(step)) {
      const { functionName, url, lineNumber } = nodes.get(id).callFrame;
      const name = `${step} · ${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(packages|apps)\//, '$1/')}:${lineNumber + 1}`;
      totals.set(name, (totals.get(name) ?? 0) + delta);
    }
  }
  return totals;
}

async function profiled(start) {
  const folder = mkdtempSync(join(tmpdir(), 'inventory-profile-'));
  const server = await start(['--cpu-prof', `--cpu-prof-dir=${folder}`]);
  await load(server.url, server.token, { ...options, duration: WARM_UP_SECONDS }, values.path);
  const from = microsNow();
  const result = await load(server.url, server.token, options, values.path);
  const to = microsNow();
  await server.stop();
  const steps = stepsOf(profileOf(folder), { from, to });
  rmSync(folder, { recursive: true, force: true });
  return { requests: result.requests, rps: result.rps, steps };
}

function microsNow() {
  return Number(process.hrtime.bigint() / 1000n);
}

const database = await freshDatabase(values.dialect);
try {
  progress(`seeding ${options.products} products × 5 records (${values.dialect})`);
  const seeding = await startService(database.url);
  await seed(seeding, options.products, 5);
  await database.analyze();
  await seeding.stop();
  progress(`profiling the service (${values.path}, ${options.duration} s)`);
  const service = await profiled((nodeArgs) => startService(database.url, {}, nodeArgs));
  progress(`profiling the bare baseline (${values.path}, ${options.duration} s)`);
  const baseline = await profiled((nodeArgs) => startBaseline(database.url, nodeArgs));
  const perRequest = (side, step) => (side.steps.get(step) ?? 0) / side.requests;
  const names = [...new Set([...service.steps.keys(), ...baseline.steps.keys()])].sort((a, b) => perRequest(service, b) - perRequest(service, a));
  const total = (side) => names.filter((name) => !name.includes(' · ')).reduce((sum, name) => sum + perRequest(side, name), 0);
  console.log(`\n## ${values.dialect} ${values.path}: CPU µs per request at ${options.connections} connections (service ${formatNumber(service.rps)} req/s, baseline ${formatNumber(baseline.rps)} req/s)`);
  printTable([
    ['step', 'service µs', 'baseline µs'],
    ...names.map((name) => [name, formatNumber(perRequest(service, name), 1), formatNumber(perRequest(baseline, name), 1)]),
    ['total', formatNumber(total(service), 1), formatNumber(total(baseline), 1)],
  ]);
} finally {
  await database.drop();
}
