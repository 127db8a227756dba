import type { ClientStore } from '@inventory/core';
import { staticSecretMatches, verifyAgainstDecoy, verifyClientSecret } from './client-secret.js';
import type { ClientGrant, StaticClient } from './static-client.js';

/**
 * Checks the client id and secret of a token request against the static clients first, then the
 * registered ones. Unknown ids cost as much time as wrong secrets, and revoked clients fail alike.
 */
export class ClientVerifier {
  constructor(
    private readonly statics: readonly StaticClient[],
    private readonly store: ClientStore,
  ) {}

  async verify(clientId: string, secret: string): Promise<ClientGrant | undefined> {
    const configured = this.statics.find((client) => client.clientId === clientId);
    if (configured !== undefined) {
      return staticSecretMatches(secret, configured.clientSecret) ? grantOf(configured) : undefined;
    }
    const stored = await this.store.find(clientId);
    if (stored === undefined) return verifyAgainstDecoy(secret).then(() => undefined);
    const matches = await verifyClientSecret(secret, stored.secretHash);
    return matches && stored.revokedAt === null ? grantOf(stored) : undefined;
  }
}

function grantOf(client: ClientGrant): ClientGrant {
  return { clientId: client.clientId, tenant: client.tenant, scopes: client.scopes };
}
