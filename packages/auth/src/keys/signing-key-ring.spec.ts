import { ManualClock } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { KEY_RING_TIMING, SigningKeyRing } from './signing-key-ring.js';
import type { SigningKeyStore, StoredSigningKey } from '../ports/signing-key-store.js';
import { MemorySigningKeyStore } from '../memory/memory-signing-key-store.js';

const DAY = 24 * 3600 * 1000;

/** Counts how often the ring reads the store, to see reloads and cooldowns. */
class CountingStore implements SigningKeyStore {
  reads = 0;
  constructor(private readonly inner: SigningKeyStore) {}
  listUsable(now: string): Promise<StoredSigningKey[]> {
    this.reads += 1;
    return this.inner.listUsable(now);
  }
  insertGeneration(key: StoredSigningKey): Promise<StoredSigningKey> {
    return this.inner.insertGeneration(key);
  }
  retireBefore(generation: number, expiresAt: string): Promise<void> {
    return this.inner.retireBefore(generation, expiresAt);
  }
}

function twoProcesses() {
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const store = new MemorySigningKeyStore();
  return { clock, store, a: new SigningKeyRing(store, clock, KEY_RING_TIMING), b: new SigningKeyRing(store, clock, KEY_RING_TIMING) };
}

describe('SigningKeyRing', () => {
  it('creates one key on an empty database and signs with it', async () => {
    const { a, store, clock } = twoProcesses();
    await a.start();
    const stored = await store.listUsable(clock.now());
    expect(stored).toHaveLength(1);
    expect((await a.signingKey()).kid).toBe(stored[0]?.kid);
  });

  it('publishes public keys only, never the private part', async () => {
    const { a } = twoProcesses();
    await a.start();
    const [jwk] = await a.publicJwks();
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });

  it('when two processes start on one empty database at once, both sign with the same key', async () => {
    const { a, b, store, clock } = twoProcesses();
    await Promise.all([a.start(), b.start()]);
    expect(await store.listUsable(clock.now())).toHaveLength(1);
    expect((await a.signingKey()).kid).toBe((await b.signingKey()).kid);
  });

  it('a process verifies keys created by another process after it started', async () => {
    const { a, b, clock } = twoProcesses();
    await a.start();
    await b.start();
    clock.advance(KEY_RING_TIMING.reloadCooldownMs);
    await b.rotate();
    const { kid } = await b.signingKey();
    expect(await a.verificationKey(kid)).toBeDefined();
  });

  it('rotates a key past its age and keeps the old one verifying until its grace period ends', async () => {
    const { a, clock } = twoProcesses();
    await a.start();
    const old = (await a.signingKey()).kid;
    clock.advance(31 * DAY);
    const fresh = (await a.signingKey()).kid;
    expect(fresh).not.toBe(old);
    clock.advance(KEY_RING_TIMING.retiredKeyGraceMs - 1000);
    expect(await a.verificationKey(old)).toBeDefined();
    expect((await a.publicJwks()).map((jwk) => jwk.kid)).toEqual([fresh, old]);
    clock.advance(2000 + KEY_RING_TIMING.refreshEveryMs);
    await a.signingKey();
    expect(await a.verificationKey(old)).toBeUndefined();
  });

  it('when two processes rotate at once, one new key wins and both sign with it', async () => {
    const { a, b, store, clock } = twoProcesses();
    await a.start();
    await b.start();
    clock.advance(31 * DAY);
    const [kidA, kidB] = await Promise.all([a.signingKey(), b.signingKey()]);
    expect(kidA.kid).toBe(kidB.kid);
    expect(await store.listUsable(clock.now())).toHaveLength(2);
  });

  it('follows a rotation made by another process within the refresh period', async () => {
    const { a, b, clock } = twoProcesses();
    await a.start();
    await b.start();
    await b.rotate();
    const rotated = (await b.signingKey()).kid;
    expect((await a.signingKey()).kid).not.toBe(rotated);
    clock.advance(KEY_RING_TIMING.refreshEveryMs);
    expect((await a.signingKey()).kid).toBe(rotated);
  });

  it('looks up unknown kids in the database at most once per cooldown', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const store = new CountingStore(new MemorySigningKeyStore());
    const ring = new SigningKeyRing(store, clock, KEY_RING_TIMING);
    await ring.start();
    clock.advance(KEY_RING_TIMING.reloadCooldownMs);
    const before = store.reads;
    for (let i = 0; i < 50; i += 1) expect(await ring.verificationKey(`flood-${i}`)).toBeUndefined();
    expect(store.reads - before).toBe(1);
    clock.advance(KEY_RING_TIMING.reloadCooldownMs);
    await Promise.all(Array.from({ length: 20 }, (_, i) => ring.verificationKey(`again-${i}`)));
    expect(store.reads - before).toBe(2);
  });
});

/** A store that can be switched off, like a database that went away. */
class FlakyStore extends CountingStore {
  down = false;
  override listUsable(now: string): Promise<StoredSigningKey[]> {
    const answer = super.listUsable(now);
    return this.down ? Promise.reject(new Error('database unavailable')) : answer;
  }
  override insertGeneration(key: StoredSigningKey): Promise<StoredSigningKey> {
    return this.down ? Promise.reject(new Error('database unavailable')) : super.insertGeneration(key);
  }
}

describe('SigningKeyRing while the database is down', () => {
  it('keeps signing and publishing with the keys it loaded, even when a refresh or rotation is due', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const store = new FlakyStore(new MemorySigningKeyStore());
    const ring = new SigningKeyRing(store, clock, KEY_RING_TIMING);
    await ring.start();
    const { kid } = await ring.signingKey();
    store.down = true;
    clock.advance(31 * DAY);
    expect((await ring.signingKey()).kid).toBe(kid);
    expect((await ring.publicJwks()).map((jwk) => jwk.kid)).toEqual([kid]);
    clock.advance(KEY_RING_TIMING.reloadCooldownMs);
    const reads = store.reads;
    expect(await ring.verificationKey('unknown-1')).toBeUndefined();
    expect(await ring.verificationKey('unknown-2')).toBeUndefined();
    expect(store.reads - reads).toBe(1);
  });

  it('fails to start when there is no key and no database', async () => {
    const store = new FlakyStore(new MemorySigningKeyStore());
    store.down = true;
    const ring = new SigningKeyRing(store, new ManualClock('2025-06-01T12:00:00.000Z'), KEY_RING_TIMING);
    await expect(ring.start()).rejects.toThrow('database unavailable');
  });
});
