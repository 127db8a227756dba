import type { ClientStore, StoredClient } from '../ports/client-store.js';

/** Clients in memory: for a server on in-memory persistence (tests), where nothing outlives the process. */
export class MemoryClientStore implements ClientStore {
  private readonly clients = new Map<string, StoredClient>();

  find(clientId: string): Promise<StoredClient | undefined> {
    return Promise.resolve(this.clients.get(clientId));
  }

  create(client: StoredClient): Promise<boolean> {
    if (this.clients.has(client.clientId)) return Promise.resolve(false);
    this.clients.set(client.clientId, client);
    return Promise.resolve(true);
  }

  list(): Promise<StoredClient[]> {
    const byAge = [...this.clients.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.clientId.localeCompare(b.clientId));
    return Promise.resolve(byAge);
  }

  revoke(clientId: string, revokedAt: string): Promise<boolean> {
    return this.update(clientId, (client) => ({ ...client, revokedAt }));
  }

  replaceSecret(clientId: string, secretHash: string): Promise<boolean> {
    return this.update(clientId, (client) => ({ ...client, secretHash }));
  }

  isEmpty(): Promise<boolean> {
    return Promise.resolve(this.clients.size === 0);
  }

  private update(clientId: string, change: (client: StoredClient) => StoredClient): Promise<boolean> {
    const client = this.clients.get(clientId);
    if (client === undefined || client.revokedAt !== null) return Promise.resolve(false);
    this.clients.set(clientId, change(client));
    return Promise.resolve(true);
  }
}
