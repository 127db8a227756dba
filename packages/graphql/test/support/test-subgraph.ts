import { createMemoryAdapters, DEFAULT_LIMITS, InventoryService, ManualClock, type PersistenceAdapters } from '@inventory/core';
import { createSubgraph, type Subgraph, type SubgraphDeps, type SubgraphLimits } from '@inventory/graphql';
import { StaticTokenAuthenticator } from './static-token-authenticator.js';

export const TEST_LIMITS: SubgraphLimits = { maxDepth: 8, maxAliases: 15, maxCost: 5000, maxEntities: 5000, bodyLimitBytes: 1_000_000 };

export interface TestSubgraph {
  readonly subgraph: Subgraph;
  readonly service: InventoryService;
  readonly adapters: PersistenceAdapters;
  readonly authenticator: StaticTokenAuthenticator;
  readonly clock: ManualClock;
  /** A fetch that goes straight into the yoga instance. */
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
}

/** The subgraph over in-memory adapters (or the given ones) with a still clock and test tokens. */
export function createTestSubgraph(options: Partial<Omit<SubgraphDeps, 'service' | 'authenticator'>> & { adapters?: PersistenceAdapters } = {}): TestSubgraph {
  const adapters = options.adapters ?? createMemoryAdapters();
  const clock = new ManualClock('2025-03-10T12:00:00.000Z');
  const service = new InventoryService({ ...adapters, clock, limits: DEFAULT_LIMITS });
  const authenticator = new StaticTokenAuthenticator();
  const { adapters: _adapters, ...rest } = options;
  const subgraph = createSubgraph({ production: false, limits: TEST_LIMITS, logger: silentLogger, ...rest, service, authenticator });
  const fetch = async (input: string, init: RequestInit): Promise<Response> => subgraph.fetch(input, init);
  return { subgraph, service, adapters, authenticator, clock, fetch };
}

const ignore = (): void => undefined;
export const silentLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
