import type { Clock, Principal } from '@inventory/core';
import type { FlattenedJWSInput, JWTHeaderParameters, JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

/** What a full verification established, kept to answer the same token again. */
export interface VerifiedToken {
  readonly principal: Principal;
  /** The token's `exp`, in epoch milliseconds. */
  readonly expiresAtMs: number;
  /** The header and parts the key was looked up with, to look it up again. */
  readonly header: JWTHeaderParameters;
  readonly input: FlattenedJWSInput;
  /** The key whose signature check passed. */
  readonly key: unknown;
}

interface Entry extends VerifiedToken {
  readonly verifiedAtMs: number;
}

/** Distinct live tokens kept: far more than the clients of one deployment, and a few MB at most. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * The verified tokens a server has seen, keyed by the token string, so a token that arrives
 * thousands of times pays its signature check once. Only tokens that passed every check are kept,
 * and a kept token answers only while all of these hold (else it is dropped and verified afresh):
 * - the clock is before its `exp` — no clock tolerance here, so a cached answer never outlives
 *   the token (the full check past `exp` then applies the tolerance exactly as before);
 * - the clock is not before the moment it was verified (`nbf` and `iat` only ever held from then on);
 * - its key lookup still answers the very key that verified it: a key removed from the key ring
 *   or the issuer's key set, rotated out or expired refuses the token at once, as it would uncached.
 * The least recently used token leaves first once the cache is full.
 */
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly clock: Clock,
    size: number = VERIFIED_TOKEN_CACHE_SIZE,
  ) {
    this.entries = new LRUCache({ max: size });
  }

  /** The principal of a token verified before and still valid, else undefined. */
  async principalOf(token: string): Promise<Principal | undefined> {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    const now = Date.parse(this.clock.now());
    if (now >= entry.expiresAtMs || now < entry.verifiedAtMs || !(await this.keyStillVerifies(entry))) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** Keeps a token that has just passed every check. */
  remember(token: string, verified: VerifiedToken): void {
    this.entries.set(token, { ...verified, verifiedAtMs: Date.parse(this.clock.now()) });
  }

  private async keyStillVerifies(entry: Entry): Promise<boolean> {
    try {
      return (await this.keys(entry.header, entry.input)) === entry.key;
    } catch {
      return false;
    }
  }
}
