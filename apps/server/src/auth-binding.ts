import { AuthenticationError, SCOPES, tenantId, type Authenticator, type Principal } from '@inventory/core';
import { Router } from 'express';
import { ConfigError } from './config/load-config.js';
import type { ServerConfig } from './config/server-config.js';

/** What authentication gives the server: the verifier of API tokens and its public routes. */
export interface AuthBinding {
  readonly authenticator: Authenticator;
  /** Routes needing no token (token endpoint, JWKS); mounted before the APIs. */
  readonly router: Router;
  /** Prepares keys before the server listens. */
  start(): Promise<void>;
}

const DEV_PRINCIPAL: Principal = { subject: 'insecure-dev', tenant: tenantId('default'), scopes: new Set(SCOPES) };

/**
 * Chooses authentication from the configuration. Until the OAuth2 issuer is wired here, the only
 * mode is the explicit `AUTH_MODE=insecure-dev` (any bearer token is tenant `default` with both
 * scopes); without it the server refuses to start rather than run unauthenticated.
 */
export function createAuthBinding(config: ServerConfig): AuthBinding {
  if (config.auth.mode !== 'insecure-dev') {
    throw new ConfigError(
      'Authentication is not configured: the OAuth2 issuer (AUTH_CLIENTS, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL, AUTH_TENANT_CLAIM; see README "Configuration") is not available in this build. For local development only, set AUTH_MODE=insecure-dev.',
    );
  }
  return { authenticator: insecureDevAuthenticator, router: Router(), start: () => Promise.resolve() };
}

const insecureDevAuthenticator: Authenticator = {
  authenticate(header) {
    if (header === undefined || !/^Bearer \S+$/i.test(header)) {
      return Promise.reject(new AuthenticationError(header === undefined ? 'missing' : 'invalid', 'A bearer token is required'));
    }
    return Promise.resolve(DEV_PRINCIPAL);
  },
};
