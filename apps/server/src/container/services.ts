import type { Auth } from '@inventory/auth';
import type { Clock, InventoryService } from '@inventory/core';
import type { Express } from 'express';
import type { ServiceIdentifier } from 'inversify';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import type { ServerState } from '../lifecycle/server-state.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { ServerPersistence } from '../persistence/server-persistence.js';

/** Everything the composition root wires, by name; the container's identifiers are typed by it. */
export interface Services {
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly state: ServerState;
  readonly metrics: ServerMetrics;
  readonly persistence: ServerPersistence;
  readonly service: InventoryService;
  /** Authentication as configured; tests may replace it with anything that verifies tokens. */
  readonly auth: Pick<Auth, 'authenticator' | 'router' | 'start'>;
  readonly app: Express;
}

export type ServiceName = keyof Services;

const identifiers: { readonly [K in ServiceName]: symbol } = {
  config: Symbol('config'),
  logger: Symbol('logger'),
  clock: Symbol('clock'),
  state: Symbol('state'),
  metrics: Symbol('metrics'),
  persistence: Symbol('persistence'),
  service: Symbol('service'),
  auth: Symbol('auth'),
  app: Symbol('app'),
};

/** The inversify identifier of a service, typed by {@link Services}. */
export function id<K extends ServiceName>(name: K): ServiceIdentifier<Services[K]> {
  return identifiers[name];
}
