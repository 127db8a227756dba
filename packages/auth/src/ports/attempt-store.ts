import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * One counting rule: at most `points` attempts per key within `duration` seconds; the attempt
 * past them blocks the key for `blockDuration` seconds. Keys are prefixed with `keyPrefix`.
 */
export interface AttemptPolicy {
  readonly keyPrefix: string;
  readonly points: number;
  readonly duration: number;
  readonly blockDuration: number;
}

/**
 * Where the token endpoint counts attempts: this process's memory, or a store that every server
 * process over one database shares (PostgreSQL), so adding processes does not multiply the limit.
 */
export interface AttemptStore {
  limiter(policy: AttemptPolicy): RateLimiterAbstract;
}
