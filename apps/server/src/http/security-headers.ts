import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response, by helmet: a strict Content-Security-Policy (scripts and
 * styles from this origin only — the docs page loads its start-up script as a file for this),
 * nosniff, frame and referrer policies, HSTS (ignored by browsers over plain HTTP, honoured once
 * a TLS proxy fronts the service). GraphiQL, served outside production only, renders with inline
 * scripts from a CDN, so its page alone goes without the CSP; in production it is off anyway.
 */
export function securityHeaders(production: boolean): RequestHandler {
  const strict = helmet();
  const withoutCsp = helmet({ contentSecurityPolicy: false });
  return (req, res, next) => {
    const graphiql = !production && req.method === 'GET' && req.path === '/graphql';
    (graphiql ? withoutCsp : strict)(req, res, next);
  };
}
