import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every response, by helmet: a strict Content-Security-Policy (scripts and
 * styles from this origin only — the docs page loads its start-up script as a file for this),
 * nosniff, frame and referrer policies, HSTS (ignored by browsers over plain HTTP, honoured once
 * a TLS proxy fronts the service). GraphiQL, served outside production only, renders with inline
 * scripts from a CDN, so its page alone goes without the CSP; in production it is off anyway.
 */
export function securityHeaders(production: boolean): RequestHandler {
  const strict = headersOf({});
  const withoutCsp = headersOf({ contentSecurityPolicy: false });
  return (req, res, next) => {
    const graphiql = !production && req.method === 'GET' && req.path === '/graphql';
    for (const [name, value] of graphiql ? withoutCsp : strict) res.setHeader(name, value);
    next();
  };
}

/**
 * The headers helmet sets with these options, asked once: with no per-request directive (no
 * nonce function) they are the same for every response, so each request only copies them instead
 * of running helmet's dozen middlewares. Helmet stays their one source.
 */
function headersOf(options: HelmetOptions): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const outcome: { done: boolean; error?: unknown } = { done: false };
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.push([name, String(value)]),
    // helmet removes X-Powered-By; the app never sets it (`x-powered-by` is disabled).
    removeHeader: () => undefined,
  };
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    outcome.done = true;
    outcome.error = error;
  });
  if (!outcome.done || outcome.error !== undefined) throw new Error('helmet did not set its headers at once, without error');
  return headers;
}
