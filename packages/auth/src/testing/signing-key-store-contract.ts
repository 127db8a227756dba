import { describe, expect, it } from 'vitest';
import type { SigningKeyStore, StoredSigningKey } from '../ports/signing-key-store.js';

function aStoredKey(generation: number, overrides: Partial<StoredSigningKey> = {}): StoredSigningKey {
  return {
    kid: `kid-${generation}`,
    generation,
    alg: 'ES256',
    publicJwk: `{"kty":"EC","x":"${generation}"}`,
    privateJwk: `{"kty":"EC","d":"${generation}"}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    expiresAt: null,
    ...overrides,
  };
}

const now = '2025-06-01T00:00:00.000Z';

/** What every {@link SigningKeyStore} must do; `freshStore` answers an empty store for each test. */
export function describeSigningKeyStoreContract(name: string, freshStore: () => Promise<SigningKeyStore>): void {
  describe(`${name} signing key store`, () => {
    it('lists a stored key exactly as it was stored', async () => {
      const store = await freshStore();
      const key = aStoredKey(1);
      expect(await store.insertGeneration(key)).toEqual(key);
      expect(await store.listUsable(now)).toEqual([key]);
    });

    it('when two processes store the same generation, both get the first one', async () => {
      const store = await freshStore();
      const first = await store.insertGeneration(aStoredKey(1, { kid: 'first' }));
      const second = await store.insertGeneration(aStoredKey(1, { kid: 'second' }));
      expect(first.kid).toBe('first');
      expect(second.kid).toBe('first');
      expect((await store.listUsable(now)).map((key) => key.kid)).toEqual(['first']);
    });

    it('lists the newest generation first', async () => {
      const store = await freshStore();
      await store.insertGeneration(aStoredKey(2));
      await store.insertGeneration(aStoredKey(1));
      await store.insertGeneration(aStoredKey(3));
      expect((await store.listUsable(now)).map((key) => key.generation)).toEqual([3, 2, 1]);
    });

    it('retiring keeps older keys usable until their expiry, then drops them', async () => {
      const store = await freshStore();
      await store.insertGeneration(aStoredKey(1));
      await store.insertGeneration(aStoredKey(2));
      await store.retireBefore(2, '2025-06-01T00:30:00.000Z');
      expect((await store.listUsable(now)).map((key) => [key.generation, key.expiresAt])).toEqual([
        [2, null],
        [1, '2025-06-01T00:30:00.000Z'],
      ]);
      expect((await store.listUsable('2025-06-01T00:30:00.001Z')).map((key) => key.generation)).toEqual([2]);
    });

    it('retiring again never extends an expiry already set', async () => {
      const store = await freshStore();
      await store.insertGeneration(aStoredKey(1));
      await store.retireBefore(2, '2025-06-01T00:30:00.000Z');
      await store.retireBefore(3, '2025-07-01T00:00:00.000Z');
      expect((await store.listUsable(now))[0]?.expiresAt).toBe('2025-06-01T00:30:00.000Z');
    });
  });
}
