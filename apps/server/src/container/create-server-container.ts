import { createAuth, MemoryClientStore, MemorySigningKeyStore } from '@inventory/auth';
import { DEFAULT_LIMITS, systemClock } from '@inventory/core';
import { createCsvImport } from '@inventory/csv';
import { createSubgraph } from '@inventory/graphql';
import { Container } from 'inversify';
import type { ServerConfig } from '../config/server-config.js';
import { createApp } from '../http/create-app.js';
import { createGraphqlRouter } from '../http/graphql-router.js';
import { ServerState } from '../lifecycle/server-state.js';
import { createLogger } from '../logging/create-logger.js';
import { MeteredInventoryService } from '../metrics/metered-inventory-service.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { openPersistence } from '../persistence/open-persistence.js';
import { id, type Services } from './services.js';

/** Replacements for tests: an in-memory store, a static-token authenticator, a manual clock. */
export type ServerOverrides = Partial<Pick<Services, 'persistence' | 'auth' | 'clock' | 'logger'>>;

/**
 * The one composition root: binds every port to its adapter as the configuration says. Bindings
 * are singletons, built on first use; asynchronous ones (the database) resolve with `getAsync`.
 */
/** How long a running request holds its idempotency key before a retry may take it over (a crashed process). */
const IDEMPOTENCY_LEASE_SECONDS = 60;

export function createServerContainer(config: ServerConfig, overrides: ServerOverrides = {}): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(id('config')).toConstantValue(config);
  container.bind(id('logger')).toConstantValue(overrides.logger ?? createLogger(config));
  container.bind(id('clock')).toConstantValue(overrides.clock ?? systemClock);
  container.bind(id('state')).toConstantValue(new ServerState());
  container.bind(id('metrics')).toConstantValue(new ServerMetrics());

  const { persistence, auth } = overrides;
  if (persistence === undefined) {
    container.bind(id('persistence')).toDynamicValue((context) => {
      const logger = context.get(id('logger'));
      return openPersistence(context.get(id('config')), (error) => logger.warn({ cause: error.message }, 'database connection lost; it is replaced on next use'));
    });
  }
  else container.bind(id('persistence')).toConstantValue(persistence);
  if (auth === undefined) {
    // Tokens live on the wall clock: a test's manual service clock moves stock timestamps, not token lifetimes.
    container.bind(id('auth')).toDynamicValue(async (context) => {
      const { authStores } = await context.getAsync(id('persistence'));
      return createAuth({
        settings: config.auth,
        stores: authStores ?? { signingKeys: new MemorySigningKeyStore(), clients: new MemoryClientStore() },
        clock: systemClock,
        publicUrl: config.publicUrl,
        // A fresh install's first client credentials go to the operator's console, never to the logs.
        announce: (text) => process.stdout.write(`${text}\n`),
      });
    });
  }
  else container.bind(id('auth')).toConstantValue(auth);

  container.bind(id('service')).toDynamicValue(async (context) => {
    const { stores, readModel, unitOfWork, holds } = await context.getAsync(id('persistence'));
    const limits = { ...DEFAULT_LIMITS, bulkMaxItems: config.limits.bulkMaxItems, maxPageSize: config.limits.searchMaxPageSize, holdMaxSeconds: config.limits.holdMaxSeconds };
    return new MeteredInventoryService({ stores, readModel, unitOfWork, holds, clock: context.get(id('clock')), limits }, context.get(id('metrics')));
  });

  container.bind(id('app')).toDynamicValue(async (context) => {
    const persistence = await context.getAsync(id('persistence'));
    const state = context.get(id('state'));
    const auth = await context.getAsync(id('auth'));
    const service = await context.getAsync(id('service'));
    const logger = context.get(id('logger'));
    const idempotency = { store: persistence.idempotency, clock: context.get(id('clock')), ttlSeconds: config.idempotencyTtlSeconds, leaseSeconds: IDEMPOTENCY_LEASE_SECONDS };
    const importCsv = createCsvImport(service, { maxBytes: config.limits.csvMaxBytes, maxRows: config.limits.csvMaxRows, maxRowBytes: config.limits.csvMaxRowBytes });
    const subgraph = createSubgraph({
      service,
      authenticator: auth.authenticator,
      importCsv,
      production: config.production,
      // Document limits from GRAPHQL_MAX_*; entity batches follow BULK_MAX_ITEMS.
      limits: { ...config.limits.graphql, maxEntities: config.limits.bulkMaxItems, bodyLimitBytes: config.limits.bodyLimitBytes, uploadLimitBytes: config.limits.csvMaxBytes },
      logger: logger.child({ component: 'graphql' }),
      idempotency,
    });
    return createApp({
      config,
      logger,
      metrics: context.get(id('metrics')),
      service,
      authenticator: auth.authenticator,
      importCsv,
      readiness: { accepting: () => state.accepting(), ping: () => persistence.ping() },
      idempotency,
      publicRouters: [auth.router],
      apiRouters: [createGraphqlRouter(subgraph)],
    });
  });
  return container;
}
