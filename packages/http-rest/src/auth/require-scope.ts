import { hasScope, type Authenticator, type Principal, type Scope } from '@inventory/core';
import type { Request, RequestHandler } from 'express';
import { RestError } from '../errors/rest-error.js';
import { insufficientScopeHeader } from './www-authenticate.js';

const principals = new WeakMap<Request, Principal>();

/**
 * Authenticates the request's bearer token and requires one scope. The principal (and with it the
 * tenant) comes only from the token; routes read it with {@link principalOf}.
 */
export function requireScope(authenticator: Authenticator, scope: Scope): RequestHandler {
  return async (req, _res, next) => {
    const principal = await authenticator.authenticate(req.headers.authorization);
    if (!hasScope(principal, scope)) {
      throw new RestError('FORBIDDEN', `This request needs the ${scope} scope`, [], { 'WWW-Authenticate': insufficientScopeHeader(scope) });
    }
    principals.set(req, principal);
    next();
  };
}

/** The principal {@link requireScope} authenticated for this request. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (principal === undefined) throw new Error('principalOf called on a route without requireScope');
  return principal;
}
