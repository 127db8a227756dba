import type { RequestHandler } from 'express';

/** What clients send besides the basics: preconditions and idempotency keys (docs/concurrency.md). */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-Id, If-Match, If-None-Match, Idempotency-Key';
/** Response headers a browser script may read; ETag and Idempotent-Replayed are not CORS-safelisted. */
const EXPOSED_HEADERS = 'X-Request-Id, Retry-After, WWW-Authenticate, ETag, Idempotent-Replayed';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * CORS for an explicit allow-list of origins (`CORS_ORIGINS`); with an empty list no CORS header
 * is ever sent, so browsers on other origins are refused. Preflights answer 204.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) {
      next();
      return;
    }
    res.vary('Origin');
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
