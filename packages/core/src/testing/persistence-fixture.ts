import type { PersistenceAdapters } from '../ports/persistence.js';

/**
 * How a contract suite gets a store: `create` runs before each test and must return empty
 * adapters; `cleanup` runs after each test (close connections, drop data).
 */
export interface PersistenceFixture {
  create(): Promise<PersistenceAdapters>;
  cleanup?(): Promise<void>;
}
