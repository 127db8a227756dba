import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdempotencyStore, StoredResponse } from '../ports/idempotency-store.js';
import { instant, TENANT_A, TENANT_B } from './builders.js';
import type { PersistenceFixture } from './persistence-fixture.js';

const T0 = instant('2025-06-01T12:00:00.000Z');
const LEASE = instant('2025-06-01T12:01:00.000Z');
const AFTER_LEASE = instant('2025-06-01T12:02:00.000Z');
const EXPIRES = instant('2025-06-02T12:00:00.000Z');
const AFTER_EXPIRY = instant('2025-06-02T12:00:00.001Z');
const ANSWER: StoredResponse = { status: 201, body: '{"data":{"id":7},"messages":["Inventory created"],"total":1}', headers: { etag: '"1"' } };

/** The behaviour every `IdempotencyStore` shares with the in-memory reference. */
export function describeIdempotencyStoreContract(name: string, fixture: PersistenceFixture): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    beforeEach(async () => {
      store = (await fixture.create()).idempotency;
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    it('when a key is new, the first request claims it and a repeat while it runs is in flight', async () => {
      expect(await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE)).toEqual({ status: 'claimed' });
      expect(await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE)).toEqual({ status: 'in-flight' });
    });

    it('when the first request completed, a repeat with the same fingerprint replays its answer exactly', async () => {
      await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE);
      await store.complete(TENANT_A, 'k-1', 'fp', ANSWER, EXPIRES);
      expect(await store.claim(TENANT_A, 'k-1', 'fp', AFTER_LEASE, LEASE)).toEqual({ status: 'replay', response: ANSWER });
    });

    it('when the same key comes with another fingerprint, it is a mismatch, running or done', async () => {
      await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE);
      expect(await store.claim(TENANT_A, 'k-1', 'other', T0, LEASE)).toEqual({ status: 'mismatch' });
      await store.complete(TENANT_A, 'k-1', 'fp', ANSWER, EXPIRES);
      expect(await store.claim(TENANT_A, 'k-1', 'other', T0, LEASE)).toEqual({ status: 'mismatch' });
    });

    it('when two tenants use the same key, they are independent', async () => {
      await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE);
      await store.complete(TENANT_A, 'k-1', 'fp', ANSWER, EXPIRES);
      expect(await store.claim(TENANT_B, 'k-1', 'other', T0, LEASE)).toEqual({ status: 'claimed' });
    });

    it('when a claim is released (a 5xx answer), the next request with the key runs again', async () => {
      await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE);
      await store.release(TENANT_A, 'k-1', 'fp');
      expect(await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE)).toEqual({ status: 'claimed' });
    });

    it('when a running claim outlives its lease (a crashed process), it can be taken over', async () => {
      await store.claim(TENANT_A, 'k-1', 'fp', T0, LEASE);
      expect(await store.claim(TENANT_A, 'k-1', 'fp', AFTER_LEASE, EXPIRES)).toEqual({ status: 'claimed' });
    });

    it('when an answer has expired, the key is new again, and purging forgets only expired keys', async () => {
      await store.claim(TENANT_A, 'old', 'fp', T0, LEASE);
      await store.complete(TENANT_A, 'old', 'fp', ANSWER, EXPIRES);
      await store.claim(TENANT_A, 'kept', 'fp', T0, LEASE);
      await store.complete(TENANT_A, 'kept', 'fp', ANSWER, instant('2025-06-03T00:00:00.000Z'));
      expect(await store.purgeExpired(AFTER_EXPIRY)).toBe(1);
      expect(await store.claim(TENANT_A, 'kept', 'fp', AFTER_EXPIRY, LEASE)).toEqual({ status: 'replay', response: ANSWER });
      await store.claim(TENANT_B, 'late', 'fp', T0, LEASE);
      await store.complete(TENANT_B, 'late', 'fp', ANSWER, EXPIRES);
      expect(await store.claim(TENANT_B, 'late', 'other', AFTER_EXPIRY, instant('2025-06-02T12:01:00.000Z'))).toEqual({ status: 'claimed' });
    });

    it('when keys carry any visible characters, they are kept exactly', async () => {
      const key = `a'"; DROP TABLE x; --${'~'.repeat(200)}`;
      await store.claim(TENANT_A, key, 'fp', T0, LEASE);
      await store.complete(TENANT_A, key, 'fp', ANSWER, EXPIRES);
      expect(await store.claim(TENANT_A, key, 'fp', T0, LEASE)).toEqual({ status: 'replay', response: ANSWER });
      expect(await store.claim(TENANT_A, key.toUpperCase(), 'fp', T0, LEASE)).toEqual({ status: 'claimed' });
    });
  });
}
