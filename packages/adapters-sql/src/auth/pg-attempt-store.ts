import type { AttemptPolicy, AttemptStore } from '@inventory/auth';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Created by migration `004_auth_token_attempts` in the layout rate-limiter-flexible expects. */
export const ATTEMPTS_TABLE = 'auth_token_attempts';

/**
 * Token-endpoint attempt counters in PostgreSQL, shared by every server process, so the limits
 * hold however many processes serve. A key already over its limit is refused from this process's
 * memory until its block ends (a flood costs no queries), and while the database cannot answer
 * the counters fall back to this process's memory rather than refusing or waving everyone through.
 */
export class PgAttemptStore implements AttemptStore {
  constructor(private readonly pool: pg.Pool) {}

  limiter(policy: AttemptPolicy): RateLimiterAbstract {
    return new RateLimiterPostgres({
      ...policy,
      storeClient: this.pool,
      storeType: 'pool',
      tableName: ATTEMPTS_TABLE,
      tableCreated: true,
      inMemoryBlockOnConsumed: policy.points + 1,
      inMemoryBlockDuration: policy.blockDuration,
      insuranceLimiter: new RateLimiterMemory(policy),
    });
  }
}
