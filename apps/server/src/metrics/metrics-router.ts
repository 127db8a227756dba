import { Router } from 'express';
import type { ServerMetrics } from './server-metrics.js';

/** `GET /metrics` in the Prometheus text format; no token (docs/operations.md), like health and readiness. */
export function createMetricsRouter(metrics: ServerMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const text = await metrics.render();
    res.type(metrics.contentType).send(text);
  });
  return router;
}
