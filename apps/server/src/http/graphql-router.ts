import type { Subgraph } from '@inventory/graphql';
import { Router } from 'express';
import { markRoute } from '../metrics/request-metrics.js';

/**
 * `/graphql` for the subgraph. Mounted before any body parser: yoga reads the body itself, within
 * its own limits, and streams CSV uploads to the importer.
 */
export function createGraphqlRouter(subgraph: Subgraph): Router {
  const router = Router();
  router.use(
    '/graphql',
    (_req, res, next) => {
      markRoute(res, '/graphql');
      next();
    },
    subgraph.requestListener,
  );
  return router;
}
