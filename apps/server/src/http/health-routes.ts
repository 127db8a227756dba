import { InventoryError } from '@inventory/core';
import { Router } from 'express';

export interface Readiness {
  /** False once shutdown has begun, so load balancers stop sending traffic. */
  accepting(): boolean;
  /** Rejects when the database is unreachable. */
  ping(): Promise<unknown>;
}

const PING_TIMEOUT_MS = 2000;

/**
 * `/healthz` (the process is alive) and `/readyz` (it can serve: database reachable, not
 * shutting down; else 503 in the error envelope with `Retry-After`). Neither needs a token.
 */
export function createHealthRouter(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!readiness.accepting()) throw new InventoryError('SERVICE_UNAVAILABLE', 'The server is shutting down');
    try {
      await withTimeout(readiness.ping(), PING_TIMEOUT_MS);
    } catch (error) {
      throw new InventoryError('SERVICE_UNAVAILABLE', `The database is unreachable: ${String(error)}`);
    }
    res.json({ status: 'ready' });
  });
  return router;
}

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
