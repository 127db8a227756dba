import { serviceUnavailable } from '../sql/database-errors.js';

/**
 * A first-come first-served lock over the one SQLite write connection. A waiter gives up after
 * its timeout with SERVICE_UNAVAILABLE, the same answer as a database busy past its timeout.
 */
export class AsyncLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  /** Resolves once the lock is held; without a timeout it waits as long as it takes. */
  acquire(timeoutMs?: number): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              const index = this.waiters.indexOf(grant);
              if (index >= 0) this.waiters.splice(index, 1);
              reject(serviceUnavailable());
            }, timeoutMs);
      this.waiters.push(grant);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next === undefined) this.held = false;
    else next();
  }

  get waiting(): number {
    return this.waiters.length;
  }

  get locked(): boolean {
    return this.held;
  }
}
