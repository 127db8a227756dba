import type { Stores, UnitOfWork } from '../ports/unit-of-work.js';
import type { MemoryState } from './memory-state.js';

/** Serialises work and rolls the state back to a snapshot when the work throws. */
export class MemoryUnitOfWork implements UnitOfWork {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: MemoryState,
    private readonly stores: Stores,
  ) {}

  run<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      const snapshot = this.state.snapshot();
      try {
        return await work(this.stores);
      } catch (error) {
        this.state.restore(snapshot);
        throw error;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }
}
