import type { AuthenticationFailure, Scope } from '@inventory/core';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

const REALM = 'Bearer realm="inventory"';

/** 401 with the RFC 6750 challenge: no error attribute when no token came at all. */
export function unauthenticated(failure: AuthenticationFailure): GraphQLError {
  const missing = failure === 'missing';
  return createGraphQLError(missing ? 'Authentication required' : 'Invalid or expired token', {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': missing ? REALM : `${REALM}, error="invalid_token"` } },
    },
  });
}

/** 403 naming the scope the token lacks. */
export function forbidden(scope: Scope): GraphQLError {
  return createGraphQLError(`This operation needs the ${scope} scope`, {
    extensions: {
      code: 'FORBIDDEN',
      http: { status: 403, headers: { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"` } },
    },
  });
}
