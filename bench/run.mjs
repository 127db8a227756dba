// `pnpm bench`: each path of the service beside its raw baseline, medians of several runs, and the
// ratios against the targets of issue 7. Options: --quick (small and short), --only=bulk,adjust,reads,csv,holds,
// --dialects=sqlite,postgres, --runs=N, --csv-rows=N, --duration=S. Exits 1 when a ratio misses
// its target (a regression guard), unless --no-guard.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchAdjust } from './adjust.mjs';
import { benchBulk } from './bulk.mjs';
import { benchCsv } from './csv.mjs';
import { benchHolds } from './holds.mjs';
import { postgresAvailable } from './lib/databases.mjs';
import { formatNumber, printTable } from './lib/stats.mjs';
import { benchReads, READ_KINDS } from './read.mjs';

/** The hot reads (issue 18): the service against a bare handler of the same query. */
const GUARDED_READS = new Set(['aggregate', 'entities']);
const READ_TARGETS = { throughput: 0.9, p99: 1.5 };

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'bulk,adjust,reads,csv,holds' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    runs: { type: 'string' },
    'csv-rows': { type: 'string' },
    duration: { type: 'string' },
    'no-guard': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 1 : 3));
const only = new Set(values.only.split(','));
const settings = {
  bulk: { runs, requests: quick ? 3 : 10, items: 10_000 },
  adjust: { runs, requests: quick ? 3 : 10, items: 10_000 },
  reads: { runs, products: quick ? 2_000 : 10_000, recordsPerProduct: 5, connections: 50, duration: Number(values.duration ?? (quick ? 3 : 10)) },
  csv: { rows: Number(values['csv-rows'] ?? (quick ? 100_000 : 1_000_000)) },
  holds: { runs, connections: 50, duration: Number(values.duration ?? (quick ? 3 : 10)) },
};

const dialects = [];
for (const dialect of values.dialects.split(',')) {
  if (dialect === 'postgres' && !(await postgresAvailable())) {
    console.warn('⚠ PostgreSQL unreachable (BENCH_DATABASE_URL / TEST_DATABASE_URL): PostgreSQL benchmarks SKIPPED');
    continue;
  }
  dialects.push(dialect);
}

console.log(`Inventory service benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${formatNumber(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; medians of ${runs} run(s)\n`);

const misses = [];
const ratio = (service, baseline) => service / baseline;
const check = (label, value, target, better = 'higher') => {
  const ok = better === 'higher' ? value >= target : value <= target;
  if (!ok) misses.push(`${label}: ${formatNumber(value, 2)} (target ${better === 'higher' ? '≥' : '≤'} ${target})`);
  return `${formatNumber(value, 2)} ${ok ? '✓' : '✗'}`;
};

for (const dialect of dialects) {
  if (only.has('bulk')) {
    const result = await benchBulk(dialect, settings.bulk);
    console.log(`\n## ${dialect}: bulk upsert, ${settings.bulk.requests} requests × ${formatNumber(settings.bulk.items)} items (rows/s), ledger on both sides`);
    printTable([
      ['pass', 'REST service', 'raw driver + movements', 'ratio (target ≥ 0.6)'],
      ...['insert', 'update'].map((pass) => [pass, formatNumber(result[pass].service), formatNumber(result[pass].raw), check(`${dialect} bulk ${pass}`, ratio(result[pass].service, result[pass].raw), 0.6)]),
      ['unchanged', formatNumber(result.unchanged.service), formatNumber(result.unchanged.raw), `${check(`${dialect} bulk unchanged vs the service's update pass`, ratio(result.unchanged.service, result.update.service), 1)} of update`],
    ]);
  }
  if (only.has('adjust')) {
    const result = await benchAdjust(dialect, settings.adjust);
    console.log(`\n## ${dialect}: adjustments, ${settings.adjust.requests} requests × ${formatNumber(settings.adjust.items)} items (adjustments/s), one movement each`);
    printTable([
      ['REST service', 'raw UPDATE … quantity + ? loop + movement insert', 'ratio'],
      [formatNumber(result.service), formatNumber(result.raw), formatNumber(ratio(result.service, result.raw), 2)],
    ]);
  }
  if (only.has('reads')) {
    const result = await benchReads(dialect, settings.reads);
    console.log(`\n## ${dialect}: reads at ${settings.reads.connections} connections, ${formatNumber(settings.reads.products)} products × ${settings.reads.recordsPerProduct} records`);
    printTable([
      ['path', 'service req/s', 'baseline req/s', `ratio (≥ ${READ_TARGETS.throughput})`, 'service p99 ms', 'baseline p99 ms', `p99 ratio (≤ ${READ_TARGETS.p99})`, 'failed / timed out (service, baseline)'],
      ...READ_KINDS.map((kind) => {
        const { service, baseline } = result[kind];
        const guarded = GUARDED_READS.has(kind);
        const throughput = ratio(service.rps, baseline.rps);
        const latency = ratio(service.p99, Math.max(baseline.p99, 1));
        return [
          kind,
          formatNumber(service.rps),
          formatNumber(baseline.rps),
          guarded ? check(`${dialect} ${kind} req/s`, throughput, READ_TARGETS.throughput) : formatNumber(throughput, 2),
          formatNumber(service.p99),
          formatNumber(baseline.p99),
          guarded ? check(`${dialect} ${kind} p99`, latency, READ_TARGETS.p99, 'lower') : formatNumber(latency, 2),
          `${service.failed} / ${service.timeouts}, ${baseline.failed} / ${baseline.timeouts}`,
        ];
      }),
    ]);
    // A failed answer is a defect on either side (a broken baseline compares nothing); timeouts
    // are what saturation looks like, so they count only on the guarded paths.
    const defects = (side) => side.failed + side.errors - side.timeouts;
    const sum = (count) => READ_KINDS.reduce((total, kind) => total + count(result[kind]), 0);
    const failed = sum((paths) => defects(paths.service));
    if (failed > 0) misses.push(`${dialect} reads: ${failed} failed requests on the service`);
    for (const kind of GUARDED_READS) {
      if (result[kind].service.timeouts > 0) misses.push(`${dialect} ${kind}: ${result[kind].service.timeouts} requests timed out on the service`);
    }
    const baselineFailed = sum((paths) => defects(paths.baseline));
    if (baselineFailed > 0) misses.push(`${dialect} reads: ${baselineFailed} failed answers from the baseline, so its figures compare nothing`);
  }
  if (only.has('csv')) {
    const result = await benchCsv(dialect, settings.csv);
    console.log(`\n## ${dialect}: CSV import of ${formatNumber(result.rows)} rows over REST (streamed)`);
    printTable([
      ['imported', 'row errors', 'seconds', 'rows/s', 'server peak RSS MiB'],
      [formatNumber(result.importedCount), result.errors, formatNumber(result.seconds, 1), formatNumber(result.rowsPerSecond), formatNumber(result.peakRssMiB)],
    ]);
  }
  if (only.has('holds')) {
    const result = await benchHolds(dialect, settings.holds);
    // The target binds PostgreSQL, where the per-product locks are held only inside the server; SQLite is reported.
    const target = dialect === 'postgres' ? 0.5 : undefined;
    console.log(`\n## ${dialect}: hot-product holds at ${settings.holds.connections} connections, one product (docs/holds.md)`);
    const throughput = ratio(result.service.rps, result.raw.rps);
    printTable([
      ['path', 'req/s', 'p99 ms', `ratio to raw${target === undefined ? '' : ` (target ≥ ${target})`}`, 'failed'],
      ['POST /v2/holds, 1 unit', formatNumber(result.service.rps), formatNumber(result.service.p99), target === undefined ? formatNumber(throughput, 2) : check(`${dialect} hot-product holds`, throughput, target), result.service.failed],
      ['raw UPDATE n = n + 1 (one row)', formatNumber(result.raw.rps), formatNumber(result.raw.p99, 1), '1', '—'],
    ]);
    if (result.service.failed > 0) misses.push(`${dialect} holds: ${result.service.failed} failed requests`);
  }
}

if (misses.length > 0) {
  console.log(`\n✗ below target:\n  ${misses.join('\n  ')}`);
  if (!values['no-guard']) process.exitCode = 1;
} else {
  console.log('\n✓ every ratio meets its target');
}
