import type { Scope } from '@inventory/core';

/** An OAuth2 client registered in the database; only a hash of its secret is kept. */
export interface StoredClient {
  readonly clientId: string;
  readonly secretHash: string;
  readonly tenant: string;
  /** In the canonical order of `SCOPES`. */
  readonly scopes: readonly Scope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** The registered clients of the built-in issuer, managed by the `clients` server command. */
export interface ClientStore {
  find(clientId: string): Promise<StoredClient | undefined>;
  /** Answers false, storing nothing, when the client id is taken. */
  create(client: StoredClient): Promise<boolean>;
  /** Every client, revoked ones included, oldest first (ties by client id). */
  list(): Promise<StoredClient[]>;
  /** Answers false when there is no such client or it was already revoked. */
  revoke(clientId: string, revokedAt: string): Promise<boolean>;
  /** Replaces the secret hash of a client that is not revoked; answers false otherwise. */
  replaceSecret(clientId: string, secretHash: string): Promise<boolean>;
  /** Whether any client exists, revoked ones included. */
  isEmpty(): Promise<boolean>;
}
