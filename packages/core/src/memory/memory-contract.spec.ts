import { describePersistenceContract } from '../testing/index.js';
import { createMemoryAdapters } from './create-memory-adapters.js';

describePersistenceContract('in-memory', { create: () => Promise.resolve(createMemoryAdapters()) }, { modelRuns: 100 });
