import type { Scope } from '@inventory/core';

/**
 * The shortest secret accepted for a static client: 32 characters of even a small alphabet put
 * guessing out of reach of any rate of attempts the token endpoint allows.
 */
export const MIN_STATIC_SECRET_LENGTH = 32;

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
