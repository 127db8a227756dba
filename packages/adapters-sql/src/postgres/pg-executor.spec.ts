import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { PgExecutor, StatementNames } from './pg-executor.js';

/** A pool stand-in that records the query configs it is given. */
function recordingPool(): { pool: Pool; configs: { name?: string; text: string; rowMode?: string }[] } {
  const configs: { name?: string; text: string; rowMode?: string }[] = [];
  const pool = {
    query: (config: { name?: string; text: string; rowMode?: string }) => {
      configs.push(config);
      return Promise.resolve({ rows: [], rowCount: 0 });
    },
  } as unknown as Pool;
  return { pool, configs };
}

describe('PgExecutor', () => {
  it('when a statement binds only scalars, it is named by its text and reused', async () => {
    const { pool, configs } = recordingPool();
    const executor = new PgExecutor(pool, new StatementNames());
    await executor.all('SELECT 1 WHERE $1::int = 1', [1]);
    await executor.all('SELECT 1 WHERE $1::int = 1', [2]);
    expect(configs[0]?.name).toBeDefined();
    expect(configs[1]?.name).toBe(configs[0]?.name);
  });

  it('when a statement binds a list, it stays unnamed, so PostgreSQL plans it for the values given and never falls back to a generic plan', async () => {
    const { pool, configs } = recordingPool();
    const executor = new PgExecutor(pool, new StatementNames());
    await executor.rows('SELECT id FROM products WHERE tenant = $1 AND id = ANY($2::int[])', ['t', [1, 2, 3]]);
    await executor.run('DELETE FROM product_sources WHERE tenant = $1 AND product_id = ANY($2::int[])', ['t', [1]]);
    expect(configs.map((config) => config.name)).toEqual([undefined, undefined]);
    expect(configs[0]?.rowMode).toBe('array');
  });
});
