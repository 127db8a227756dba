import type { Request, RequestHandler, Response } from 'express';
import { requestOutcome, requestPath } from '../http/request-outcome.js';
import type { ServerMetrics } from './server-metrics.js';

/** Distinct route labels kept before any new one is counted as `other`: a guard, not a budget. */
const MAX_ROUTE_LABELS = 100;

/**
 * Observes every request: in flight while it runs; when its response closes, count and duration
 * by method, status and the route's *template* (`/v2/inventory/id/:id`), never the raw URL, so
 * ids in paths cannot grow the number of series. Requests no route matched are `unmatched`; a
 * request whose connection closed first counts with the status of {@link requestOutcome}.
 */
export function requestMetrics(metrics: ServerMetrics): RequestHandler {
  const seen = new Set<string>();
  const label = (route: string): string => {
    if (seen.has(route)) return route;
    if (seen.size >= MAX_ROUTE_LABELS) return 'other';
    seen.add(route);
    return route;
  };
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    metrics.httpInFlight.inc();
    res.once('close', () => {
      metrics.httpInFlight.dec();
      const labels = { method: req.method, route: label(routeTemplate(req, res)), status: String(requestOutcome(req, res).status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/** Marks the request as served by a handler that is not an express route (the GraphQL endpoint). */
export function markRoute(res: Response, template: string): void {
  (res.locals as { routeTemplate?: string }).routeTemplate = template;
}

/**
 * The marked template, else the matched route's pattern under the path that led to its router,
 * else `unmatched`. The prefix is read from the original URL, not `req.baseUrl`: that is the
 * mount path of whichever router answered last, so an error handler mounted at the route's own
 * path (the token endpoint's) would double it.
 */
function routeTemplate(req: Request, res: Response): string {
  const marked = (res.locals as { routeTemplate?: string }).routeTemplate;
  if (marked !== undefined) return marked;
  const path = (req as { route?: { path?: string | readonly string[] } }).route?.path;
  if (path === undefined) return 'unmatched';
  const pattern = typeof path === 'string' ? path : path.join('|');
  const routeSegments = segments(typeof path === 'string' ? path : (path[0] ?? '')).length;
  const sent = segments(requestPath(req));
  const prefix = sent.slice(0, Math.max(0, sent.length - routeSegments)).join('/');
  return prefix === '' ? pattern : `/${prefix}${pattern}`;
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}
