import type { Request, RequestHandler, Response } from 'express';
import type { ServerMetrics } from './server-metrics.js';

/** Distinct route labels kept before any new one is counted as `other`: a guard, not a budget. */
const MAX_ROUTE_LABELS = 100;

/**
 * Observes every request: in flight while it runs; when its response ends, count and duration
 * by method, status and the route's *template* (`/v2/inventory/id/:id`), never the raw URL, so
 * ids in paths cannot grow the number of series. Requests no route matched are `unmatched`.
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
    res.once('close', () => metrics.httpInFlight.dec());
    res.once('finish', () => {
      const labels = { method: req.method, route: label(routeTemplate(req, res)), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/**
 * The matched route's pattern under its mount path; for a handler mounted without a route (the
 * GraphQL endpoint) its mount path; `unmatched` for a 404 or a request no handler claimed.
 */
function routeTemplate(req: Request, res: Response): string {
  const path = (req as { route?: { path?: string | readonly string[] } }).route?.path;
  if (path !== undefined) return `${req.baseUrl}${typeof path === 'string' ? path : path.join('|')}`;
  if (res.statusCode === 404 || req.baseUrl === '') return 'unmatched';
  return req.baseUrl;
}
