import type { AuthenticationFailure, Scope } from '@inventory/core';

const REALM = 'Bearer realm="inventory"';

/**
 * The `WWW-Authenticate` challenge of RFC 6750 §3: no error attribute when credentials are
 * missing, `invalid_token` when they fail a check.
 */
export function authenticateHeader(failure: AuthenticationFailure): string {
  return failure === 'missing' ? REALM : `${REALM}, error="invalid_token"`;
}

export function insufficientScopeHeader(scope: Scope): string {
  return `${REALM}, error="insufficient_scope", scope="${scope}"`;
}
