import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSqlPersistence } from '@inventory/adapters-sql';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresAvailable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, migrated database of the given dialect; `drop()` removes it. */
export async function freshDatabase(dialect) {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'inventory-bench-'));
    const file = join(folder, 'inventory.db');
    const url = `sqlite:${file}`;
    await migrate(url);
    // SQLite never gathers statistics by itself, so a real database has none either.
    return { url, file, analyze: async () => undefined, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(PG_URL);
  target.pathname = `/${name}`;
  const url = target.toString();
  await migrate(url);
  return {
    url,
    /**
     * Statistics, as autovacuum gathers them within a minute of a bulk load: without them the
     * planner may read one product through the (tenant, warehouse_id, product_id) index and scan
     * the whole tenant, in the service and the baseline alike.
     */
    analyze: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('analyze');
      await client.end();
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function migrate(url) {
  const persistence = await createSqlPersistence({ url });
  await persistence.migrate();
  await persistence.close();
}
