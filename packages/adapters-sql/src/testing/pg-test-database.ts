import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createSqlPersistence } from '../create-sql-persistence.js';
import type { SqlPersistence, SqlPersistenceOptions } from '../sql-persistence.js';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL integration tests use: `TEST_DATABASE_URL`, else the local default. */
export function pgTestUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? DEFAULT_URL;
}

let reachable: Promise<boolean> | undefined;

/** Whether that PostgreSQL answers; asked once per test file, waiting 3 s at most. */
export function pgAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: pgTestUrl(), connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/**
 * `describe` for suites that need PostgreSQL. When it is unreachable the suite fails under `CI`
 * (PostgreSQL is required there) and is otherwise skipped with a loud warning.
 */
export function describePg(name: string, suite: () => void): void {
  describe(name, async () => {
    if (await pgAvailable()) {
      suite();
      return;
    }
    const where = withoutPassword(pgTestUrl());
    if (isCi()) {
      it('has the PostgreSQL that CI requires', () => {
        throw new Error(`PostgreSQL unreachable at ${where}: PostgreSQL suites are required in CI (set TEST_DATABASE_URL)`);
      });
      return;
    }
    console.warn(`⚠ PostgreSQL unreachable at ${where} — PostgreSQL suites SKIPPED`);
    it.skip(`needs PostgreSQL at ${where}`, () => undefined);
  });
}

/** A fresh schema name (`t_<12 hex>`), so parallel test files never collide. */
export function randomSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Drops a schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgTestUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface PgTestPersistence {
  readonly persistence: SqlPersistence;
  readonly schema: string;
  /** Closes the pool and drops the schema. */
  dispose(): Promise<void>;
}

/** A migrated persistence on the test PostgreSQL in a schema of its own. */
export async function createPgTestPersistence(options: Omit<SqlPersistenceOptions, 'url' | 'searchPath'> = {}): Promise<PgTestPersistence> {
  const schema = randomSchemaName();
  const persistence = await createSqlPersistence({ ...options, url: pgTestUrl(), searchPath: schema });
  await persistence.migrate();
  return {
    persistence,
    schema,
    async dispose() {
      await persistence.close();
      await dropSchema(schema);
    },
  };
}

function isCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'TEST_DATABASE_URL (unparsable)';
  }
}
