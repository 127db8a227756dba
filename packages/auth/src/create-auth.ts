import type { Authenticator, Clock } from '@inventory/core';
import express, { type Router } from 'express';
import type { AuthSettings } from './auth-settings.js';
import { ClientAdmin } from './clients/client-admin.js';
import { ClientVerifier } from './clients/client-verifier.js';
import { createFirstClientIfNone, firstClientNotice } from './clients/first-client.js';
import { createAuthRouter } from './endpoint/create-auth-router.js';
import { TokenAttemptLimiter } from './endpoint/token-attempt-limiter.js';
import { TOKEN_PATH } from './endpoint/token-endpoint-router.js';
import { publicEndpoint } from './endpoint/well-known-router.js';
import { AccessTokenIssuer } from './keys/access-token-issuer.js';
import { builtInKeyLookup } from './keys/built-in-key-lookup.js';
import { BUILT_IN_ALGORITHM, KEY_RING_TIMING, SigningKeyRing, type KeyRingTiming } from './keys/signing-key-ring.js';
import { memoryAttemptStore } from './memory/memory-attempt-store.js';
import type { AttemptStore } from './ports/attempt-store.js';
import type { ClientStore } from './ports/client-store.js';
import type { SigningKeyStore } from './ports/signing-key-store.js';
import { createExternalAuthenticator } from './verification/external-issuer-auth.js';
import { JwtAuthenticator } from './verification/jwt-authenticator.js';

/** Where the built-in issuer keeps its state; the database's stores let every process share it. */
export interface AuthStores {
  readonly signingKeys: SigningKeyStore;
  readonly clients: ClientStore;
  /** Token-endpoint attempt counters; this process's memory when absent. */
  readonly attempts?: AttemptStore | undefined;
}

export interface AuthDeps {
  readonly settings: AuthSettings;
  readonly stores: AuthStores;
  readonly clock: Clock;
  /** `PUBLIC_URL`: the base of every URL the issuer advertises or prints. */
  readonly publicUrl: string;
  /** Hears the first client's credentials on a fresh install: the console, never the logs. */
  readonly announce: (text: string) => void;
  readonly timing?: KeyRingTiming;
}

/** Everything a server needs from authentication, in either mode. */
export interface Auth {
  readonly mode: 'built-in' | 'external';
  /** Checks the bearer token of every API request. */
  readonly authenticator: Authenticator;
  /** Routes that need no token: token endpoint, JWKS and metadata (built-in mode; empty otherwise). */
  readonly router: Router;
  /**
   * Loads or creates the shared signing key and, on a fresh install, the first client (whose
   * credentials go to `announce`); call once before serving.
   */
  start(): Promise<void>;
}

/** The built-in issuer when no `AUTH_JWKS_URL` is set, else verification against the external issuer. */
export function createAuth({ settings, stores, clock, publicUrl, announce, timing = KEY_RING_TIMING }: AuthDeps): Auth {
  const { jwksUrl } = settings;
  if (jwksUrl !== undefined) {
    const authenticator = createExternalAuthenticator({ ...settings, jwksUrl }, clock);
    return { mode: 'external', authenticator, router: express.Router(), start: () => Promise.resolve() };
  }
  const ring = new SigningKeyRing(stores.signingKeys, clock, timing);
  const router = createAuthRouter({
    clients: new ClientVerifier(settings.clients, stores.clients),
    issuer: new AccessTokenIssuer(ring, clock, settings),
    attempts: new TokenAttemptLimiter(stores.attempts ?? memoryAttemptStore, settings.tokenAttempts),
    keys: ring,
    advertised: { issuer: settings.issuer, publicUrl },
  });
  return {
    mode: 'built-in',
    authenticator: new JwtAuthenticator(builtInKeyLookup(ring), { ...settings, algorithms: [BUILT_IN_ALGORITHM] }, clock),
    router,
    async start() {
      await ring.start();
      const first = await createFirstClientIfNone(settings, stores.clients, new ClientAdmin(stores.clients, clock));
      if (first !== undefined) announce(firstClientNotice(first, publicEndpoint(publicUrl, TOKEN_PATH)));
    },
  };
}
