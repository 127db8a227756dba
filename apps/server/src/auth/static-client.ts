import type { Scope } from '@inventory/core';

/** A client configured in `AUTH_CLIENTS`: its secret is compared, never stored in the database. */
export interface StaticClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: string;
  readonly scopes: readonly Scope[];
}

/** What an authenticated client may ask tokens for. */
export interface ClientGrant {
  readonly clientId: string;
  readonly tenant: string;
  readonly scopes: readonly Scope[];
}
