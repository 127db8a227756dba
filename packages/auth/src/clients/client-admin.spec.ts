import { ManualClock } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { ClientAdmin } from './client-admin.js';
import { ClientVerifier } from './client-verifier.js';
import { MemoryClientStore } from '../memory/memory-client-store.js';

function setup() {
  const store = new MemoryClientStore();
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const statics = [{ clientId: 'static-1', clientSecret: 'static-secret', tenant: 'st', scopes: ['inventory:read'] as const }];
  return { store, admin: new ClientAdmin(store, clock), verifier: new ClientVerifier(statics, store) };
}

describe('ClientAdmin and ClientVerifier', () => {
  it('a created client authenticates with its secret and is stored only hashed', async () => {
    const { store, admin, verifier } = setup();
    const credentials = await admin.create('acme', ['inventory:read', 'inventory:write']);
    if (credentials === undefined) throw new Error('not created');
    expect(await verifier.verify(credentials.clientId, credentials.clientSecret)).toEqual({
      clientId: credentials.clientId,
      tenant: 'acme',
      scopes: ['inventory:read', 'inventory:write'],
    });
    expect(await verifier.verify(credentials.clientId, 'wrong')).toBeUndefined();
    expect(JSON.stringify(await store.list())).not.toContain(credentials.clientSecret);
  });

  it('lists clients without their secret hashes', async () => {
    const { admin } = setup();
    await admin.create('acme', ['inventory:read']);
    const [listed] = await admin.list();
    expect(listed).toMatchObject({ tenant: 'acme', scopes: ['inventory:read'], revokedAt: null });
    expect(listed).not.toHaveProperty('secretHash');
  });

  it('a revoked client no longer authenticates, even with the right secret', async () => {
    const { admin, verifier } = setup();
    const credentials = await admin.create('acme', ['inventory:read']);
    if (credentials === undefined) throw new Error('not created');
    expect(await admin.revoke(credentials.clientId)).toBe(true);
    expect(await verifier.verify(credentials.clientId, credentials.clientSecret)).toBeUndefined();
    expect(await admin.rotateSecret(credentials.clientId)).toBeUndefined();
  });

  it('rotating a secret retires the old one at once', async () => {
    const { admin, verifier } = setup();
    const first = await admin.create('acme', ['inventory:read']);
    if (first === undefined) throw new Error('not created');
    const second = await admin.rotateSecret(first.clientId);
    expect(second?.clientSecret).not.toBe(first.clientSecret);
    expect(await verifier.verify(first.clientId, first.clientSecret)).toBeUndefined();
    expect(await verifier.verify(first.clientId, second?.clientSecret ?? '')).toBeDefined();
  });

  it('refuses a client without scope or with an empty tenant', async () => {
    const { admin } = setup();
    await expect(admin.create('acme', [])).rejects.toThrow(RangeError);
    await expect(admin.create('', ['inventory:read'])).rejects.toThrow(RangeError);
  });

  it('authenticates static clients by their configured secret only', async () => {
    const { verifier } = setup();
    expect(await verifier.verify('static-1', 'static-secret')).toEqual({ clientId: 'static-1', tenant: 'st', scopes: ['inventory:read'] });
    expect(await verifier.verify('static-1', 'static-secre')).toBeUndefined();
    expect(await verifier.verify('nobody', 'static-secret')).toBeUndefined();
  });
});
