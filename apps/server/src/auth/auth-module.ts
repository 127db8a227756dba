import type { Authenticator, Clock } from '@inventory/core';
import express, { type Router } from 'express';
import { AccessTokenIssuer } from './access-token-issuer.js';
import type { AuthSettings } from './auth-settings.js';
import { builtInKeyLookup } from './built-in-key-lookup.js';
import type { ClientStore } from '@inventory/core';
import { ClientVerifier } from './client-verifier.js';
import { createExternalAuthenticator } from './external-issuer-auth.js';
import { JwtAuthenticator } from './jwt-authenticator.js';
import { BUILT_IN_ALGORITHM, SigningKeyRing, type KeyRingTiming } from './signing-key-ring.js';
import type { SigningKeyStore } from '@inventory/core';
import { createTokenEndpointRouter } from './token-endpoint-router.js';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from './token-rules.js';
import { createWellKnownRouter } from './well-known-router.js';

/** Everything the server needs from authentication, in either mode. */
export interface AuthModule {
  readonly mode: 'built-in' | 'external';
  /** Checks the bearer token of every API request. */
  readonly authenticator: Authenticator;
  /** Routes that need no token: token endpoint, JWKS and metadata (built-in mode; empty otherwise). */
  readonly router: Router;
  /** Loads or creates the shared signing key; call once before serving. */
  start(): Promise<void>;
}

export interface AuthStores {
  readonly signingKeys: SigningKeyStore;
  readonly clients: ClientStore;
}

/** Keys live 30 days; a replaced key verifies for a token lifetime plus five minutes of slack. */
export const KEY_RING_TIMING: KeyRingTiming = {
  rotateAfterMs: 30 * 24 * 3600 * 1000,
  retiredKeyGraceMs: (ACCESS_TOKEN_LIFETIME_SECONDS + 300) * 1000,
  reloadCooldownMs: 10_000,
  refreshEveryMs: 60_000,
};

/** The built-in issuer when no `AUTH_JWKS_URL` is set, else verification against the external issuer. */
export function createAuthModule(settings: AuthSettings, stores: AuthStores, clock: Clock, timing = KEY_RING_TIMING): AuthModule {
  const { jwksUrl } = settings;
  if (jwksUrl !== undefined) {
    const authenticator = createExternalAuthenticator({ ...settings, jwksUrl }, clock);
    return { mode: 'external', authenticator, router: express.Router(), start: () => Promise.resolve() };
  }
  const ring = new SigningKeyRing(stores.signingKeys, clock, timing);
  const authenticator = new JwtAuthenticator(builtInKeyLookup(ring), { ...settings, algorithms: [BUILT_IN_ALGORITHM] }, clock);
  const issuer = new AccessTokenIssuer(ring, clock, settings);
  const router = express.Router();
  router.use(createTokenEndpointRouter(new ClientVerifier(settings.clients, stores.clients), issuer));
  router.use(createWellKnownRouter(ring, settings.issuer));
  return { mode: 'built-in', authenticator, router, start: () => ring.start() };
}
