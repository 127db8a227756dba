import { describe, expect, it } from 'vitest';
import type { ClientStore, StoredClient } from '../ports/client-store.js';

/** A client row with sensible defaults, for store contract tests. */
export function aStoredClient(overrides: Partial<StoredClient> = {}): StoredClient {
  return {
    clientId: 'client-a',
    secretHash: 'scrypt$hash-a',
    tenant: 'tenant-a',
    scopes: ['inventory:read', 'inventory:write'],
    createdAt: '2025-01-01T00:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

/** What every {@link ClientStore} must do; `freshStore` answers an empty store for each test. */
export function describeClientStoreContract(name: string, freshStore: () => Promise<ClientStore>): void {
  describe(`${name} client store`, () => {
    it('finds a created client exactly as it was stored', async () => {
      const store = await freshStore();
      const client = aStoredClient({ scopes: ['inventory:read'] });
      expect(await store.create(client)).toBe(true);
      expect(await store.find('client-a')).toEqual(client);
    });

    it('answers undefined for an unknown client id', async () => {
      const store = await freshStore();
      await store.create(aStoredClient());
      expect(await store.find('client-b')).toBeUndefined();
      expect(await store.find('CLIENT-A')).toBeUndefined();
    });

    it('refuses a second client with the same id and keeps the first', async () => {
      const store = await freshStore();
      await store.create(aStoredClient());
      expect(await store.create(aStoredClient({ tenant: 'tenant-b', secretHash: 'other' }))).toBe(false);
      expect((await store.find('client-a'))?.tenant).toBe('tenant-a');
    });

    it('lists every client, revoked ones included, oldest first', async () => {
      const store = await freshStore();
      await store.create(aStoredClient({ clientId: 'late', createdAt: '2025-03-01T00:00:00.000Z' }));
      await store.create(aStoredClient({ clientId: 'early', createdAt: '2025-02-01T00:00:00.000Z' }));
      await store.revoke('early', '2025-04-01T00:00:00.000Z');
      const listed = await store.list();
      expect(listed.map((client) => [client.clientId, client.revokedAt])).toEqual([
        ['early', '2025-04-01T00:00:00.000Z'],
        ['late', null],
      ]);
    });

    it('revokes a client once, and not an unknown one', async () => {
      const store = await freshStore();
      await store.create(aStoredClient());
      expect(await store.revoke('client-a', '2025-05-01T00:00:00.000Z')).toBe(true);
      expect(await store.revoke('client-a', '2025-06-01T00:00:00.000Z')).toBe(false);
      expect(await store.revoke('nobody', '2025-06-01T00:00:00.000Z')).toBe(false);
      expect((await store.find('client-a'))?.revokedAt).toBe('2025-05-01T00:00:00.000Z');
    });

    it('replaces the secret hash of an active client only', async () => {
      const store = await freshStore();
      await store.create(aStoredClient());
      await store.create(aStoredClient({ clientId: 'gone' }));
      await store.revoke('gone', '2025-05-01T00:00:00.000Z');
      expect(await store.replaceSecret('client-a', 'new-hash')).toBe(true);
      expect(await store.replaceSecret('gone', 'new-hash')).toBe(false);
      expect(await store.replaceSecret('nobody', 'new-hash')).toBe(false);
      expect((await store.find('client-a'))?.secretHash).toBe('new-hash');
      expect((await store.find('gone'))?.secretHash).toBe('scrypt$hash-a');
    });

    it('is empty only while no client was ever created', async () => {
      const store = await freshStore();
      expect(await store.isEmpty()).toBe(true);
      await store.create(aStoredClient());
      await store.revoke('client-a', '2025-05-01T00:00:00.000Z');
      expect(await store.isEmpty()).toBe(false);
    });
  });
}
