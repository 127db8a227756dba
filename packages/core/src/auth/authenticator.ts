import type { Principal } from './principal.js';

/** Why a request is not authenticated: no credentials at all, or credentials that fail a check. */
export type AuthenticationFailure = 'missing' | 'invalid';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';

  constructor(
    readonly failure: AuthenticationFailure,
    message: string,
  ) {
    super(message);
  }
}

export function isAuthenticationError(error: unknown): error is AuthenticationError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AuthenticationError';
}

/**
 * Turns a request's `Authorization` header into a principal, or rejects with an
 * {@link AuthenticationError}. The transports call it on every request; the server picks the
 * implementation (built-in issuer or external JWKS).
 */
export interface Authenticator {
  authenticate(authorizationHeader: string | undefined): Promise<Principal>;
}
