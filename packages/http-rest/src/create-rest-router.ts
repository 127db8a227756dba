import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { createErrorHandler, routeNotFound, type ErrorHandlerOptions } from './errors/error-middleware.js';
import { createDocsRouter } from './openapi/docs-page.js';
import { generateOpenApiDocument, registerSecurity } from './openapi/openapi-document.js';
import type { RestDeps } from './rest-deps.js';
import { addAdjustmentRoute } from './routes/adjustment-route.js';
import { addBulkInventoryRoute } from './routes/bulk-inventory-route.js';
import { addCsvImportRoute } from './routes/csv-import-route.js';
import { addHoldRoutes } from './routes/hold-routes.js';
import { addInventoryRecordRoutes } from './routes/inventory-record-routes.js';
import { jsonBodyReader } from './routes/json-body.js';
import { addMovementsRoute } from './routes/movements-route.js';
import { addProductInventoryRoutes } from './routes/product-inventory-routes.js';
import { addProductReferenceRoutes } from './routes/product-reference-routes.js';
import { idempotency, rememberBodyHash } from './idempotency/idempotency-middleware.js';
import { RouteKit } from './routes/route-kit.js';
import { addSearchRoute } from './routes/search-route.js';

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The REST v2 transport (docs/rest.md) as an express router to mount at the root: every `/v2`
 * endpoint, the OpenAPI document and docs page (no token needed), a 404 envelope for unknown
 * `/v2` routes and the one error middleware. Opening a port is the server's business.
 */
export function createRestRouter(deps: RestDeps): Router {
  const router = Router();
  const registry = new OpenAPIRegistry();
  registerSecurity(registry);
  const kit = new RouteKit(router, registry, deps.authenticator, jsonBodyReader(deps.limits.bodyLimitBytes, deps.idempotency === undefined ? undefined : rememberBodyHash), deps.idempotency === undefined ? undefined : idempotency(deps.idempotency));

  addProductInventoryRoutes(kit, deps.service);
  addSearchRoute(kit, deps.service);
  addInventoryRecordRoutes(kit, deps.service);
  addBulkInventoryRoute(kit, deps.service, deps.limits.bulkMaxItems);
  addAdjustmentRoute(kit, deps.service, deps.limits.bulkMaxItems);
  addMovementsRoute(kit, deps.service);
  addProductReferenceRoutes(kit, deps.service, deps.limits.bulkMaxItems);
  addHoldRoutes(kit, deps.service);
  if (deps.importCsv !== undefined) addCsvImportRoute(kit, deps.importCsv);

  const document = generateOpenApiDocument(registry);
  router.get('/v2/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(createDocsRouter());
  router.use('/v2', routeNotFound);
  router.use(createErrorHandler(errorHandlerOptions(deps)));
  return router;
}

/** The error middleware's options from the REST deps, for a server that reuses it app-wide. */
export function errorHandlerOptions(deps: Pick<RestDeps, 'onUnexpectedError' | 'retryAfterSeconds'>): ErrorHandlerOptions {
  return {
    onUnexpectedError: deps.onUnexpectedError ?? (() => undefined),
    retryAfterSeconds: deps.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
  };
}
