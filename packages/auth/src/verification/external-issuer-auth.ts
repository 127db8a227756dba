import type { Clock } from '@inventory/core';
import { createRemoteJWKSet, type RemoteJWKSetOptions } from 'jose';
import type { AuthSettings } from '../auth-settings.js';
import { JwtAuthenticator } from './jwt-authenticator.js';

/**
 * Asymmetric algorithms accepted from an external issuer: the key's type must still match, and
 * `none` or HMAC tokens (which a public key could forge) never pass.
 */
export const EXTERNAL_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** How the remote key set is cached: re-fetched when stale, and at most once per cooldown for unknown `kid`s. */
export const REMOTE_JWKS_CACHE = { cooldownDuration: 30_000, cacheMaxAge: 600_000, timeoutDuration: 5_000 } as const;

/** Verifies tokens of an external issuer against its published key set; there is no token endpoint. */
export function createExternalAuthenticator(
  settings: AuthSettings & { readonly jwksUrl: string },
  clock: Clock,
  cache: RemoteJWKSetOptions = REMOTE_JWKS_CACHE,
): JwtAuthenticator {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl), cache);
  return new JwtAuthenticator(keys, { ...settings, algorithms: EXTERNAL_ALGORITHMS }, clock);
}
