import { isInventoryError, type Authenticator, type InventoryService } from '@inventory/core';
import type { CsvImport } from '@inventory/csv';
import { createErrorHandler, createRestRouter, errorHandlerOptions, routeNotFound, type IdempotencyOptions, type UnexpectedErrorListener } from '@inventory/http-rest';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { createMetricsRouter } from '../metrics/metrics-router.js';
import { requestMetrics } from '../metrics/request-metrics.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import { corsAllowList } from './cors.js';
import { createHealthRouter, type Readiness } from './health-routes.js';
import { refuseWhileStopping } from './refuse-while-stopping.js';
import { requestContext, requestLogger } from './request-context.js';
import { securityHeaders } from './security-headers.js';

export interface AppDeps {
  readonly config: Pick<ServerConfig, 'limits' | 'corsOrigins' | 'production'>;
  readonly logger: Logger;
  /** Counted for every request; served at `/metrics`. */
  readonly metrics: ServerMetrics;
  readonly service: InventoryService;
  readonly authenticator: Authenticator;
  /** Backs `POST /v2/inventory/import/csv` (absent: that route is a 404). */
  readonly importCsv?: CsvImport;
  readonly readiness: Readiness;
  /** Keeps answers to requests carrying an `Idempotency-Key`. */
  readonly idempotency?: IdempotencyOptions;
  /** Routers that need no bearer token or bring their own (OAuth2 token endpoint, JWKS, metrics). */
  readonly publicRouters: readonly Router[];
  /** Further API routers (GraphQL, CSV import), mounted before the REST catch-all. */
  readonly apiRouters: readonly Router[];
}

/**
 * The HTTP application: request ids, logs and metrics, security headers, CORS, health and
 * metrics, a 503 for new requests once shutdown began, the public routers, the APIs, then one
 * 404 and one error envelope for anything else. Listening is {@link startServer}'s job.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestContext(deps.logger));
  app.use(requestMetrics(deps.metrics));
  app.use(securityHeaders(deps.config.production));
  app.use((_req, res, next) => {
    if (!deps.readiness.accepting()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(corsAllowList(deps.config.corsOrigins));
  app.use(createHealthRouter(deps.readiness));
  app.use(createMetricsRouter(deps.metrics));
  app.use(refuseWhileStopping(deps.readiness));
  for (const router of deps.publicRouters) app.use(router);
  for (const router of deps.apiRouters) app.use(router);
  const onUnexpectedError = logUnexpected(deps.logger);
  app.use(
    createRestRouter({
      service: deps.service,
      authenticator: deps.authenticator,
      limits: deps.config.limits,
      onUnexpectedError,
      ...(deps.importCsv !== undefined && { importCsv: deps.importCsv }),
      ...(deps.idempotency !== undefined && { idempotency: deps.idempotency }),
    }),
  );
  app.use(routeNotFound);
  app.use(createErrorHandler(errorHandlerOptions({ onUnexpectedError })));
  return app;
}

/** Outages are warnings with their cause; anything else is a bug, logged with its stack. */
function logUnexpected(logger: Logger): UnexpectedErrorListener {
  return (error, req) => {
    const log = requestLogger(req, logger);
    if (isInventoryError(error) && error.code === 'SERVICE_UNAVAILABLE') log.warn({ cause: error.message }, 'service unavailable');
    else log.error({ err: error }, 'unexpected error');
  };
}
