import { isInventoryError } from '@inventory/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AsyncLock } from './async-lock.js';

describe('AsyncLock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when several wait, they get the lock one at a time in arrival order', async () => {
    const lock = new AsyncLock();
    const order: number[] = [];
    await lock.acquire();
    const waiting = [1, 2, 3].map((id) =>
      lock.acquire().then(() => {
        order.push(id);
        lock.release();
      }),
    );
    expect(lock.waiting).toBe(3);
    lock.release();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    expect(lock.locked).toBe(false);
  });

  it('when a waiter times out, it fails with SERVICE_UNAVAILABLE and the next waiter still gets the lock', async () => {
    vi.useFakeTimers();
    const lock = new AsyncLock();
    await lock.acquire();
    const impatient = lock.acquire(100).catch((error: unknown) => error);
    const patient = lock.acquire();
    vi.advanceTimersByTime(100);
    const error = await impatient;
    expect(isInventoryError(error) && error.code).toBe('SERVICE_UNAVAILABLE');
    lock.release();
    await patient;
    expect(lock.locked).toBe(true);
    expect(lock.waiting).toBe(0);
  });
});
