import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AttemptStore } from '../ports/attempt-store.js';
import { OAuthError } from './oauth-error.js';

/** How many failed token requests are tolerated before `429`, and for how long they are remembered. */
export interface TokenAttemptLimits {
  /** Failed requests from one source address per window (a flood of unknown client ids stops here). */
  readonly perAddress: number;
  /** Failed requests naming one client id per window, from any address (guessing one client's secret). */
  readonly perClient: number;
  /** The counting window, and how long a key stays refused once it went over. */
  readonly windowSeconds: number;
}

export const DEFAULT_TOKEN_ATTEMPT_LIMITS: TokenAttemptLimits = { perAddress: 30, perClient: 10, windowSeconds: 60 };

/** Who is trying: the request's source address and the client id it names. */
export interface TokenAttempt {
  readonly address: string;
  readonly clientId: string;
}

/**
 * Throttles secret guessing at the token endpoint. Every request that reaches the secret check
 * takes one point per address and per client id *before* the check, so a burst of parallel
 * guesses cannot all slip past a counter that only failures would raise; a request with the
 * right secret gives its points back, so only failures count. A refused request costs no secret
 * check at all, which keeps a flood from starving the hashing that good requests need.
 */
export class TokenAttemptLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byClient: RateLimiterAbstract;

  constructor(store: AttemptStore, limits: TokenAttemptLimits = DEFAULT_TOKEN_ATTEMPT_LIMITS) {
    const window = { duration: limits.windowSeconds, blockDuration: limits.windowSeconds };
    this.byAddress = store.limiter({ keyPrefix: 'token-address', points: limits.perAddress, ...window });
    this.byClient = store.limiter({ keyPrefix: 'token-client', points: limits.perClient, ...window });
  }

  /** Takes the attempt's points, or refuses it with `429` and how long to wait. */
  async reserve(attempt: TokenAttempt): Promise<void> {
    await take(this.byAddress, keyOf(attempt.address));
    await take(this.byClient, keyOf(attempt.clientId));
  }

  /** The credentials were right: the attempt does not count against anyone. */
  async succeeded(attempt: TokenAttempt): Promise<void> {
    await Promise.all([this.byAddress.reward(keyOf(attempt.address)), this.byClient.reward(keyOf(attempt.clientId))]);
  }
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    const waitMs = refusalWait(rejection);
    if (waitMs === undefined) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new OAuthError('temporarily_unavailable', 'too many failed token requests; retry later', false, retryAfterSeconds);
  }
}

/** A limiter refuses with a plain result holding the wait; a failing store rejects with an Error. */
function refusalWait(rejection: unknown): number | undefined {
  if (rejection instanceof Error || typeof rejection !== 'object' || rejection === null) return undefined;
  const { msBeforeNext } = rejection as { msBeforeNext?: unknown };
  return typeof msBeforeNext === 'number' ? msBeforeNext : undefined;
}

/** Counter keys of a fixed size whatever the client sent, and no client id or address in the store. */
function keyOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}
