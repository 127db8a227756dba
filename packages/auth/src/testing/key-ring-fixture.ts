import { ManualClock } from '@inventory/core';
import { SignJWT, type JWTPayload, type JWTHeaderParameters } from 'jose';
import { builtInKeyLookup } from '../keys/built-in-key-lookup.js';
import { JwtAuthenticator } from '../verification/jwt-authenticator.js';
import { BUILT_IN_ALGORITHM, KEY_RING_TIMING, SigningKeyRing } from '../keys/signing-key-ring.js';
import type { TokenRules } from '../token-rules.js';
import { MemorySigningKeyStore } from '../memory/memory-signing-key-store.js';

export const TEST_RULES: TokenRules = { issuer: 'https://issuer.test', audience: 'inventory-api', tenantClaim: 'tenant', algorithms: [BUILT_IN_ALGORITHM] };

/** A started key ring over an in-memory store, its authenticator, and a signer for hand-made tokens. */
export async function aKeyRingFixture(rules: TokenRules = TEST_RULES) {
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const store = new MemorySigningKeyStore();
  const ring = new SigningKeyRing(store, clock, KEY_RING_TIMING);
  await ring.start();
  const authenticator = new JwtAuthenticator(builtInKeyLookup(ring), rules, clock);
  const nowSeconds = (): number => Math.floor(Date.parse(clock.now()) / 1000);

  /** Valid claims for tenant `t1`, changed or removed (undefined) by `overrides`. */
  const claims = (overrides: Record<string, unknown> = {}): JWTPayload => {
    const base: Record<string, unknown> = {
      iss: rules.issuer,
      aud: rules.audience,
      sub: 'client-1',
      [rules.tenantClaim]: 't1',
      scope: 'inventory:read inventory:write',
      iat: nowSeconds(),
      exp: nowSeconds() + 1800,
      ...overrides,
    };
    return Object.fromEntries(Object.entries(base).filter(([, value]) => value !== undefined));
  };

  /** Signs `payload` with the ring's current key, header fields overridable. */
  const sign = async (payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> => {
    const { kid, key } = await ring.signingKey();
    return new SignJWT(payload).setProtectedHeader({ alg: BUILT_IN_ALGORITHM, kid, ...header }).sign(key);
  };

  return { clock, store, ring, authenticator, claims, sign, nowSeconds };
}
