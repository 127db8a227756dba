import { isAuthenticationError, ManualClock } from '@inventory/core';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWTVerifyGetKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { builtInKeyLookup } from '../keys/built-in-key-lookup.js';
import { KEY_RING_TIMING } from '../keys/signing-key-ring.js';
import { aKeyRingFixture, TEST_RULES } from '../testing/key-ring-fixture.js';
import { CLOCK_TOLERANCE_SECONDS } from '../token-rules.js';
import { JwtAuthenticator } from './jwt-authenticator.js';

const DAY = 24 * 3600 * 1000;

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!isAuthenticationError(error)) throw new Error(`expected an AuthenticationError, got ${String(error)}`);
  return error.message;
}

// A cached answer is the very principal object of the first verification; a fresh verification
// builds a new one. That is how these tests tell a cache hit from a full check.
describe('JwtAuthenticator with its verified-token cache', () => {
  it('answers a token seen before from the cache', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const header = `Bearer ${await sign(claims())}`;
    const first = await authenticator.authenticate(header);
    expect(await authenticator.authenticate(header)).toBe(first);
  });

  it('keeps nothing when the cache size is 0', async () => {
    const { ring, clock, claims, sign } = await aKeyRingFixture();
    const uncached = new JwtAuthenticator(builtInKeyLookup(ring), TEST_RULES, clock, { cachedTokens: 0 });
    const header = `Bearer ${await sign(claims())}`;
    const first = await uncached.authenticate(header);
    expect(await uncached.authenticate(header)).not.toBe(first);
  });

  it('never answers from the cache at or past exp: the full check decides, with its tolerance', async () => {
    const { authenticator, claims, sign, clock, nowSeconds } = await aKeyRingFixture();
    const header = `Bearer ${await sign(claims({ exp: nowSeconds() + 60 }))}`;
    const cached = await authenticator.authenticate(header);
    clock.advance(59_999);
    expect(await authenticator.authenticate(header)).toBe(cached);
    clock.advance(1);
    const rechecked = await authenticator.authenticate(header);
    expect(rechecked).not.toBe(cached);
    clock.advance(CLOCK_TOLERANCE_SECONDS * 1000);
    expect(await reasonOf(authenticator.authenticate(header))).toContain('expired');
  });

  it('refuses a cached token once its retired key ends its grace period, before any reload', async () => {
    const { authenticator, claims, sign, clock, ring } = await aKeyRingFixture();
    const header = `Bearer ${await sign(claims({ exp: Math.floor(Date.parse(clock.now()) / 1000) + 40 * 86_400 }))}`;
    const cached = await authenticator.authenticate(header);
    clock.advance(31 * DAY);
    await ring.signingKey();
    // Rotated: the old key still verifies during its grace period, cached tokens too.
    expect(await authenticator.authenticate(header)).toBe(cached);
    clock.advance(KEY_RING_TIMING.retiredKeyGraceMs);
    expect(await reasonOf(authenticator.authenticate(header))).toContain('signing key is unknown');
  });

  it('refuses a cached token at once when its key leaves the key set', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    let published = true;
    // An issuer's key set, as a remote JWKS answers it: the key is looked up by kid on every call.
    const keys: JWTVerifyGetKey = async (header) => {
      if (!published || header.kid !== 'k1') throw new Error('no matching key');
      return importJWK(jwk, 'ES256');
    };
    const authenticator = new JwtAuthenticator(keys, TEST_RULES, clock);
    const now = Math.floor(Date.parse(clock.now()) / 1000);
    const token = await new SignJWT({ iss: TEST_RULES.issuer, aud: TEST_RULES.audience, tenant: 't1', exp: now + 600 })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(pair.privateKey);
    expect((await authenticator.authenticate(`Bearer ${token}`)).tenant).toBe('t1');
    published = false;
    await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toSatisfy(isAuthenticationError);
  });

  it('re-verifies when the key set answers another key object for the same kid (refetched or replaced)', async () => {
    const { ring, clock, claims, sign } = await aKeyRingFixture();
    const lookup = builtInKeyLookup(ring);
    let replaced = false;
    const other = (await generateKeyPair('ES256')).publicKey;
    const authenticator = new JwtAuthenticator(async (header, input) => (replaced ? other : lookup(header, input)), TEST_RULES, clock);
    const header = `Bearer ${await sign(claims())}`;
    await authenticator.authenticate(header);
    replaced = true;
    expect(await reasonOf(authenticator.authenticate(header))).toContain('signature is invalid');
  });

  it('re-verifies when the clock goes back before the moment the token was verified', async () => {
    const { authenticator, claims, sign, clock, nowSeconds } = await aKeyRingFixture();
    const header = `Bearer ${await sign(claims({ nbf: nowSeconds() }))}`;
    await authenticator.authenticate(header);
    clock.advance(-60_000);
    expect(await reasonOf(authenticator.authenticate(header))).toContain('not valid yet');
  });

  it('keeps at most its size, dropping the least recently used token', async () => {
    const { ring, clock, claims, sign } = await aKeyRingFixture();
    const authenticator = new JwtAuthenticator(builtInKeyLookup(ring), TEST_RULES, clock, { cachedTokens: 2 });
    const [a = '', b = '', c = ''] = await Promise.all(['a', 'b', 'c'].map(async (sub) => `Bearer ${await sign(claims({ sub }))}`));
    const first = await authenticator.authenticate(a);
    await authenticator.authenticate(b);
    expect(await authenticator.authenticate(a)).toBe(first);
    const second = await authenticator.authenticate(b);
    await authenticator.authenticate(c);
    expect(await authenticator.authenticate(b)).toBe(second);
    expect(await authenticator.authenticate(a)).not.toBe(first);
  });

  it('never caches a refused token: the same bad token is refused every time', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const header = `Bearer ${await sign(claims({ tenant: undefined }))}`;
    expect(await reasonOf(authenticator.authenticate(header))).toContain('tenant');
    expect(await reasonOf(authenticator.authenticate(header))).toContain('tenant');
  });
});
