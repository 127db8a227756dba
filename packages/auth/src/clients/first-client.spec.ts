import { ManualClock } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '../auth-settings.js';
import { ClientAdmin } from './client-admin.js';
import { ClientVerifier } from './client-verifier.js';
import { createFirstClientIfNone, firstClientNotice } from './first-client.js';
import { MemoryClientStore } from '../memory/memory-client-store.js';

const builtIn: AuthSettings = { clients: [], issuer: 'https://issuer.test', audience: 'inventory-api', tenantClaim: 'tenant' };

function setup() {
  const store = new MemoryClientStore();
  return { store, admin: new ClientAdmin(store, new ManualClock('2025-06-01T12:00:00.000Z')) };
}

describe('first client', () => {
  it('on a fresh install creates one client for tenant default with both scopes', async () => {
    const { store, admin } = setup();
    const credentials = await createFirstClientIfNone(builtIn, store, admin);
    if (credentials === undefined) throw new Error('no first client');
    expect(await new ClientVerifier([], store).verify(credentials.clientId, credentials.clientSecret)).toEqual({
      clientId: credentials.clientId,
      tenant: 'default',
      scopes: ['inventory:read', 'inventory:write'],
    });
  });

  it('when two processes start on one fresh database, only one prints credentials', async () => {
    const { store, admin } = setup();
    const results = await Promise.all([createFirstClientIfNone(builtIn, store, admin), createFirstClientIfNone(builtIn, store, admin)]);
    expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    expect(await store.list()).toHaveLength(1);
  });

  it('creates nothing once any client exists, even a revoked one', async () => {
    const { store, admin } = setup();
    const existing = await admin.create('acme', ['inventory:read']);
    await admin.revoke(existing?.clientId ?? '');
    expect(await createFirstClientIfNone(builtIn, store, admin)).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });

  it('creates nothing when static clients are configured or an external issuer is used', async () => {
    const { store, admin } = setup();
    const statics = { ...builtIn, clients: [{ clientId: 'a', clientSecret: 'b', tenant: 't', scopes: ['inventory:read' as const] }] };
    expect(await createFirstClientIfNone(statics, store, admin)).toBeUndefined();
    expect(await createFirstClientIfNone({ ...builtIn, jwksUrl: 'https://idp.test/jwks' }, store, admin)).toBeUndefined();
    expect(await store.isEmpty()).toBe(true);
  });

  it('the notice holds the credentials and a curl line against the token endpoint', () => {
    const notice = firstClientNotice({ clientId: 'local-default', clientSecret: 'xyz' }, 'http://127.0.0.1:8080/oauth2/token');
    expect(notice).toContain("curl -s -u 'local-default:xyz' -d grant_type=client_credentials http://127.0.0.1:8080/oauth2/token");
  });
});
