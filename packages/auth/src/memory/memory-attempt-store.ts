import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { AttemptStore } from '../ports/attempt-store.js';

/** Attempt counters in this process's memory: for SQLite (one process) and tests. */
export const memoryAttemptStore: AttemptStore = {
  limiter: (policy) => new RateLimiterMemory(policy),
};
