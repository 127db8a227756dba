import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import pg from 'pg';
import { freshDatabase } from './lib/databases.mjs';
import { call, startService } from './lib/service-process.mjs';
import { median, progress } from './lib/stats.mjs';

/** Enough stock that the bench never runs out: every hold must succeed, so a refusal is a defect. */
const STOCK = 1_000_000_000;

function holdLoad(service, { connections, duration }) {
  const body = JSON.stringify({ reference: 'bench-cart', expiresIn: 900, lines: [{ lookupKey: 'id', key: '1', quantity: 1 }] });
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${service.url}/v2/holds`, method: 'POST', body, connections, duration, headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' } },
      (error, result) => {
        if (error) reject(error);
        else resolve({ rps: result.requests.average, p99: result.latency.p99, failed: result.non2xx + result.errors });
      },
    );
  });
}

/**
 * The raw baseline of docs/holds.md: `connections` clients each running the single statement
 * `UPDATE … SET n = n + 1 WHERE id = 1` on one row in a loop, as fast as the database serialises
 * them (pgbench's hot-row figure). On SQLite the clients share one connection: its writes are
 * serial whatever the client count.
 */
async function rawHotRow(database, { connections, duration }) {
  const latencies = [];
  const until = Date.now() + duration * 1000;
  let done = 0;
  if (database.file !== undefined) {
    const db = new Database(database.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE IF NOT EXISTS bench_counter (id integer primary key, n integer not null); INSERT OR IGNORE INTO bench_counter VALUES (1, 0)');
    const update = db.prepare('UPDATE bench_counter SET n = n + 1 WHERE id = 1');
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          const start = performance.now();
          update.run();
          latencies.push(performance.now() - start);
          done += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    db.close();
  } else {
    const pool = new pg.Pool({ connectionString: database.url, max: connections });
    await pool.query('CREATE TABLE IF NOT EXISTS bench_counter (id int primary key, n bigint not null); INSERT INTO bench_counter VALUES (1, 0) ON CONFLICT DO NOTHING');
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < until) {
          const start = performance.now();
          await client.query({ name: 'hot-row', text: 'UPDATE bench_counter SET n = n + 1 WHERE id = 1' });
          latencies.push(performance.now() - start);
          done += 1;
        }
        client.release();
      }),
    );
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  return { rps: done / duration, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

/**
 * Hot-product holds: `connections` HTTP clients placing 1-unit holds on one product through the
 * real server, beside the raw hot-row UPDATE baseline run on the same database in the same run.
 */
export async function benchHolds(dialect, options) {
  const database = await freshDatabase(dialect);
  try {
    const results = { service: [], raw: [] };
    const service = await startService(database.url);
    try {
      await call(service, 'POST', '/v2/products/bulk', { products: [{ id: 1, sku: 'HOT-1' }] });
      await call(service, 'POST', '/v2/inventory/bulk/id/local', { inventory: [{ productId: 1, quantity: STOCK }] });
      await holdLoad(service, { ...options, duration: 1 });
      for (let run = 1; run <= options.runs; run += 1) {
        progress(`${dialect} holds: run ${run}/${options.runs}`);
        results.service.push(await holdLoad(service, options));
        results.raw.push(await rawHotRow(database, options));
      }
      return {
        service: { rps: median(results.service.map((r) => r.rps)), p99: median(results.service.map((r) => r.p99)), failed: results.service.reduce((sum, r) => sum + r.failed, 0) },
        raw: { rps: median(results.raw.map((r) => r.rps)), p99: median(results.raw.map((r) => r.p99)) },
      };
    } finally {
      await service.stop();
    }
  } finally {
    await database.drop();
  }
}
