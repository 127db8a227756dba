import type { Clock } from '@inventory/core';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SigningKeyStore, StoredSigningKey } from '../ports/signing-key-store.js';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../token-rules.js';

/** The one algorithm the built-in issuer signs and accepts. */
export const BUILT_IN_ALGORITHM = 'ES256';

export interface KeyRingTiming {
  /** A current key older than this is replaced by a new one. */
  readonly rotateAfterMs: number;
  /** How long a replaced key keeps verifying: the token lifetime plus slack for slow processes. */
  readonly retiredKeyGraceMs: number;
  /** Minimum pause between database reloads caused by unknown key ids. */
  readonly reloadCooldownMs: number;
  /** How often the signer re-reads the keys, to follow a rotation made by another process. */
  readonly refreshEveryMs: number;
}

/** Keys live 30 days; a replaced key verifies for a token lifetime plus five minutes of slack. */
export const KEY_RING_TIMING: KeyRingTiming = {
  rotateAfterMs: 30 * 24 * 3600 * 1000,
  retiredKeyGraceMs: (ACCESS_TOKEN_LIFETIME_SECONDS + 300) * 1000,
  reloadCooldownMs: 10_000,
  refreshEveryMs: 60_000,
};

interface LoadedKey {
  readonly stored: StoredSigningKey;
  readonly publicKey: CryptoKey;
  /** `stored.expiresAt` in epoch milliseconds; infinite while the key is current. */
  readonly expiresAtMs: number;
}

/**
 * The built-in issuer's keys, shared through the database: every process signs with the newest
 * generation and verifies with every key not yet expired, so tokens from any process verify in all.
 */
export class SigningKeyRing {
  private keys = new Map<string, LoadedKey>();
  private newest: StoredSigningKey | undefined;
  private signer: { readonly kid: string; readonly key: CryptoKey } | undefined;
  private loadedAt = Number.NEGATIVE_INFINITY;
  /** When the last reload began, successful or not: unknown kids wait a cooldown after either. */
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: SigningKeyStore,
    private readonly clock: Clock,
    private readonly timing: KeyRingTiming,
  ) {}

  /** Loads the keys at start, creating the first one on an empty database. */
  async start(): Promise<void> {
    await this.reload();
    if (this.newest === undefined) await this.rotate();
  }

  /** The key to sign with now, rotating first when the current one is too old. */
  async signingKey(): Promise<{ readonly kid: string; readonly key: CryptoKey }> {
    if (this.millisNow() - this.loadedAt >= this.timing.refreshEveryMs) await this.unlessSigning(() => this.reload());
    const newest = this.newest;
    if (newest === undefined || this.millisNow() - Date.parse(newest.createdAt) >= this.timing.rotateAfterMs) {
      await this.unlessSigning(() => this.rotate());
    }
    if (this.signer === undefined) throw new Error('no signing key loaded');
    return this.signer;
  }

  /**
   * The public key for a token's `kid`, looking in the database (at most once per cooldown) when
   * unknown; undefined when no key has that id, the database cannot say, or the key's grace period
   * has ended (at that instant, not at the next reload).
   */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    const known = this.keys.get(kid);
    if (known !== undefined) return this.millisNow() < known.expiresAtMs ? known.publicKey : undefined;
    if (this.millisNow() - this.attemptedAt < this.timing.reloadCooldownMs) return undefined;
    try {
      await this.once(() => this.reload());
    } catch {
      return undefined;
    }
    const loaded = this.keys.get(kid);
    return loaded !== undefined && this.millisNow() < loaded.expiresAtMs ? loaded.publicKey : undefined;
  }

  /** The public keys to publish at `/.well-known/jwks.json`, refreshed like the signer's. */
  async publicJwks(): Promise<JWK[]> {
    if (this.millisNow() - this.loadedAt >= this.timing.reloadCooldownMs) await this.unlessSigning(() => this.reload());
    return [...this.keys.values()].map(({ stored }) => JSON.parse(stored.publicJwk) as JWK);
  }

  /** Makes a new key the signing key; older keys verify until their grace period ends. */
  async rotate(): Promise<void> {
    const generation = (this.newest?.generation ?? 0) + 1;
    const winner = await this.store.insertGeneration(await newSigningKey(generation, this.clock.now()));
    const graceEnds = new Date(this.millisNow() + this.timing.retiredKeyGraceMs).toISOString();
    await this.store.retireBefore(winner.generation, graceEnds);
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.attemptedAt = this.millisNow();
    const usable = await this.store.listUsable(this.clock.now());
    const keys = new Map<string, LoadedKey>();
    for (const stored of usable) {
      const publicKey = this.keys.get(stored.kid)?.publicKey ?? (await importKey(stored.publicJwk));
      keys.set(stored.kid, { stored, publicKey, expiresAtMs: stored.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(stored.expiresAt) });
    }
    const newest = usable[0];
    if (newest !== undefined && newest.kid !== this.signer?.kid) {
      this.signer = { kid: newest.kid, key: await importKey(newest.privateJwk) };
    }
    this.keys = keys;
    this.newest = newest;
    this.loadedAt = this.millisNow();
  }

  /**
   * Refreshes keys, but while the database is unreachable carries on with the keys already
   * loaded, so static clients still get tokens and the key set is still served.
   */
  private async unlessSigning(task: () => Promise<void>): Promise<void> {
    try {
      await this.once(task);
    } catch (error) {
      if (this.signer === undefined) throw error;
    }
  }

  /** Runs one reload or rotation at a time; concurrent callers share it. */
  private async once(task: () => Promise<void>): Promise<void> {
    this.pending ??= task().finally(() => {
      this.pending = undefined;
    });
    await this.pending;
  }

  private millisNow(): number {
    return Date.parse(this.clock.now());
  }
}

async function importKey(jwkText: string): Promise<CryptoKey> {
  return (await importJWK(JSON.parse(jwkText) as JWK, BUILT_IN_ALGORITHM)) as CryptoKey;
}

async function newSigningKey(generation: number, createdAt: string): Promise<StoredSigningKey> {
  const pair = await generateKeyPair(BUILT_IN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const described = { kid, alg: BUILT_IN_ALGORITHM, use: 'sig' };
  return {
    kid,
    generation,
    alg: BUILT_IN_ALGORITHM,
    publicJwk: JSON.stringify({ ...publicJwk, ...described }),
    privateJwk: JSON.stringify({ ...(await exportJWK(pair.privateKey)), ...described }),
    createdAt,
    expiresAt: null,
  };
}
