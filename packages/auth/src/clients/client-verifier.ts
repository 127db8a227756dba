import type { ClientStore } from '../ports/client-store.js';
import type { ClientGrant, StaticClient } from '../static-client.js';
import { staticSecretMatches, verifyAgainstDecoy, verifyClientSecret } from './client-secret.js';

/**
 * Checks the client id and secret of a token request against the static clients first, then the
 * registered ones. Every answer costs one scrypt check — a static client's (whose secret is
 * compared as plaintext) and an unknown id's against a decoy hash — so response time does not
 * tell a known client id from an unknown one; revoked clients fail like wrong secrets.
 */
export class ClientVerifier {
  constructor(
    private readonly statics: readonly StaticClient[],
    private readonly store: ClientStore,
  ) {}

  async verify(clientId: string, secret: string): Promise<ClientGrant | undefined> {
    const configured = this.statics.find((client) => client.clientId === clientId);
    if (configured !== undefined) {
      await verifyAgainstDecoy(secret);
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
