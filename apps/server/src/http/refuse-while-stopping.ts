import { InventoryError } from '@inventory/core';
import type { RequestHandler } from 'express';
import type { Readiness } from './health-routes.js';

/**
 * Once shutdown has begun, requests that had not started yet are refused with 503 and
 * `Retry-After` in the error envelope (and the connection closes), so a client knows nothing was
 * done and may retry elsewhere; requests already running finish normally.
 */
export function refuseWhileStopping(readiness: Pick<Readiness, 'accepting'>): RequestHandler {
  return (_req, _res, next) => {
    next(readiness.accepting() ? undefined : new InventoryError('SERVICE_UNAVAILABLE', 'The server is shutting down'));
  };
}
