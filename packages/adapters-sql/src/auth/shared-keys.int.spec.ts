import { AccessTokenIssuer, createAuth, KEY_RING_TIMING, SigningKeyRing, type AuthSettings, type AuthStores, type KeyRingTiming } from '@inventory/auth';
import { systemClock } from '@inventory/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSqlPersistence } from '../create-sql-persistence.js';
import type { SqlPersistence } from '../sql-persistence.js';
import { createPgTestPersistence, describePg, pgTestUrl, type PgTestPersistence } from '../testing/index.js';
import { KnexClientStore } from './knex-client-store.js';
import { KnexSigningKeyStore } from './knex-signing-key-store.js';

const settings: AuthSettings = { clients: [], issuer: 'inventory-service', audience: 'inventory-api', tenantClaim: 'tenant' };

/** One server process's authentication over `stores`. */
const authOf = (stores: AuthStores, timing: KeyRingTiming = KEY_RING_TIMING) =>
  createAuth({ settings, stores, clock: systemClock, publicUrl: 'http://127.0.0.1:8080', announce: () => undefined, timing });

describePg('signing keys shared by several processes over one PostgreSQL', () => {
  let first: PgTestPersistence;
  const others: SqlPersistence[] = [];

  beforeAll(async () => {
    first = await createPgTestPersistence();
    for (let i = 0; i < 3; i += 1) others.push(await createSqlPersistence({ url: pgTestUrl(), searchPath: first.schema }));
  });
  afterAll(async () => {
    await Promise.all(others.map((persistence) => persistence.close()));
    await first.dispose();
  });

  const processes = () => [first.persistence, ...others].map((persistence) => ({ signingKeys: new KnexSigningKeyStore(persistence.knex), clients: new KnexClientStore(persistence.knex) }));

  it('four processes starting at once on an empty database agree on one key, and accept each other’s tokens', async () => {
    const stores = processes();
    const rings = stores.map((store) => new SigningKeyRing(store.signingKeys, systemClock, KEY_RING_TIMING));
    await Promise.all(rings.map((ring) => ring.start()));
    const kids = await Promise.all(rings.map(async (ring) => (await ring.signingKey()).kid));
    expect(new Set(kids).size).toBe(1);
    expect(Number((await first.persistence.knex('auth_signing_keys').count({ n: '*' }))[0]?.['n'])).toBe(1);

    const modules = stores.map((store) => authOf(store));
    await Promise.all(modules.map((module) => module.start()));
    const [ringA] = rings;
    if (ringA === undefined) throw new Error('no ring');
    const token = (await new AccessTokenIssuer(ringA, systemClock, settings).issue({ clientId: 'c', tenant: 't9', scopes: ['inventory:read'] }, ['inventory:read'])).accessToken;
    for (const module of modules) expect((await module.authenticator.authenticate(`Bearer ${token}`)).tenant).toBe('t9');
  });

  it('a key rotated by one process verifies in another that never reloaded since', async () => {
    const [storeA, storeB] = processes();
    if (storeA === undefined || storeB === undefined) throw new Error('no stores');
    const ringA = new SigningKeyRing(storeA.signingKeys, systemClock, KEY_RING_TIMING);
    const moduleB = authOf(storeB, { ...KEY_RING_TIMING, reloadCooldownMs: 0 });
    await ringA.start();
    await moduleB.start();
    await ringA.rotate();
    const token = (await new AccessTokenIssuer(ringA, systemClock, settings).issue({ clientId: 'c', tenant: 't7', scopes: [] }, [])).accessToken;
    expect((await moduleB.authenticator.authenticate(`Bearer ${token}`)).tenant).toBe('t7');
  });
});
