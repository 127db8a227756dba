import { tenantId, type Clock, type Scope } from '@inventory/core';
import type { ClientStore, StoredClient } from '../ports/client-store.js';
import { generateClientId, generateClientSecret, hashClientSecret } from './client-secret.js';

/** A client id with its plaintext secret: shown to the operator once, never stored or logged. */
export interface IssuedCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A registered client as listed to an operator: everything but the secret hash. */
export type ClientSummary = Omit<StoredClient, 'secretHash'>;

/** Registers, lists, revokes and re-keys the database clients; the `clients` command drives it. */
export class ClientAdmin {
  constructor(
    private readonly store: ClientStore,
    private readonly clock: Clock,
  ) {}

  /** Creates a client; `clientId` is for a well-known id (the first local client), else random. */
  async create(tenant: string, scopes: readonly Scope[], clientId = generateClientId()): Promise<IssuedCredentials | undefined> {
    tenantId(tenant);
    if (scopes.length === 0) throw new RangeError('a client needs at least one scope');
    const clientSecret = generateClientSecret();
    const created = await this.store.create({
      clientId,
      secretHash: await hashClientSecret(clientSecret),
      tenant,
      scopes: [...new Set(scopes)],
      createdAt: this.clock.now(),
      revokedAt: null,
    });
    return created ? { clientId, clientSecret } : undefined;
  }

  async list(): Promise<ClientSummary[]> {
    return (await this.store.list()).map(({ secretHash: _hash, ...summary }) => summary);
  }

  /** Answers false when the client is unknown or already revoked. */
  revoke(clientId: string): Promise<boolean> {
    return this.store.revoke(clientId, this.clock.now());
  }

  /** A new secret for an active client; the old one stops working at once. */
  async rotateSecret(clientId: string): Promise<IssuedCredentials | undefined> {
    const clientSecret = generateClientSecret();
    const replaced = await this.store.replaceSecret(clientId, await hashClientSecret(clientSecret));
    return replaced ? { clientId, clientSecret } : undefined;
  }
}
