import type { Authenticator, Clock } from '@inventory/core';
import type { Router } from 'express';
import { createAuthModule, type AuthStores } from './auth/auth-module.js';
import type { AuthSettings } from './auth/auth-settings.js';
import { ClientAdmin } from './auth/client-admin.js';
import { createFirstClientIfNone, firstClientNotice } from './auth/first-client.js';
import { MemoryClientStore } from './auth/memory-client-store.js';
import { MemorySigningKeyStore } from './auth/memory-signing-key-store.js';
import { TOKEN_PATH } from './auth/token-endpoint-router.js';
import type { ServerConfig } from './config/server-config.js';
import type { ServerPersistence } from './persistence/server-persistence.js';

/** What authentication gives the server: the verifier of API tokens and its public routes. */
export interface AuthBinding {
  readonly authenticator: Authenticator;
  /** Routes needing no token (token endpoint, JWKS, metadata); mounted before the APIs. */
  readonly router: Router;
  /** Prepares keys (and a fresh install's first client) before the server listens. */
  start(): Promise<void>;
}

/**
 * Authentication as configured: the built-in OAuth2 issuer over the database's stores, or an
 * external issuer when AUTH_JWKS_URL is set. On a fresh install of the built-in issuer, `start`
 * creates the first client and hands its credentials to `print` (the console, never the logs).
 */
export function createAuthBinding(
  config: ServerConfig,
  persistence: ServerPersistence,
  clock: Clock,
  print: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
): AuthBinding {
  const settings: AuthSettings = config.auth;
  const stores: AuthStores = persistence.authStores ?? { signingKeys: new MemorySigningKeyStore(), clients: new MemoryClientStore() };
  const auth = createAuthModule(settings, stores, clock);
  return {
    authenticator: auth.authenticator,
    router: auth.router,
    async start() {
      await auth.start();
      const first = await createFirstClientIfNone(settings, stores.clients, new ClientAdmin(stores.clients, clock));
      if (first !== undefined) print(firstClientNotice(first, tokenUrl(config)));
    },
  };
}

/** The token endpoint as a client on this machine reaches it, for the first client's curl line. */
function tokenUrl({ host, port }: Pick<ServerConfig, 'host' | 'port'>): string {
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}${TOKEN_PATH}`;
}
