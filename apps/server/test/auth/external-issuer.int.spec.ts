import { KnexClientStore, type SqlPersistence } from '@inventory/adapters-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer } from '@inventory/auth/testing';
import type { RunningServer } from '../../src/lifecycle/start-server.js';
import { requestToken, RW_CLIENT, sqliteDatabase, startAuthServer, type SharedDatabase } from './auth-test-server.js';

describe('external issuer mode through the real server', () => {
  let idp: Awaited<ReturnType<typeof startLocalIssuer>>;
  let database: SharedDatabase;
  let server: RunningServer;
  let side: SqlPersistence;
  const now = (): number => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({ iss: 'https://idp.test/realms/shop', aud: 'inventory', sub: 'svc-1', org_id: 'ext-tenant', scope: 'inventory:read', iat: now(), exp: now() + 300, ...overrides });

  beforeAll(async () => {
    idp = await startLocalIssuer();
    database = await sqliteDatabase();
    ({ server } = await startAuthServer(database, {
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_ISSUER: 'https://idp.test/realms/shop',
      AUTH_AUDIENCE: 'inventory',
      AUTH_TENANT_CLAIM: 'org_id',
      AUTH_CLIENTS: '',
    }));
    side = await database.open();
  });
  afterAll(async () => {
    await server.close();
    await side.close();
    await database.cleanup();
    await idp.close();
  });

  const call = (path: string, token: string, method = 'GET') => fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  it("accepts the issuer's tokens with the tenant from the configured claim and their scopes", async () => {
    const token = await idp.sign(claims());
    const search = await fetch(`${server.url}/v2/inventory/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(search.status).toBe(200);
    const write = await call('/v2/inventory/id/1', token, 'DELETE');
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toBe('Bearer realm="inventory", error="insufficient_scope", scope="inventory:write"');
  });

  it('scopes data to the tenant claim of the external token', async () => {
    const writer = await idp.sign(claims({ scope: 'inventory:read inventory:write' }));
    const put = await fetch(`${server.url}/v2/products/id/9`, { method: 'PUT', headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' }, body: '{"sku":"EXT-9"}' });
    expect(put.status).toBe(201);
    expect((await call('/v2/products/id/9', await idp.sign(claims()))).status).toBe(200);
    expect((await call('/v2/products/id/9', await idp.sign(claims({ org_id: 'someone-else' })))).status).toBe(404);
  });

  it.each([
    ['from another issuer', { iss: 'https://idp.test/realms/other' }],
    ['for another audience', { aud: 'billing' }],
    ['without the tenant claim', { org_id: undefined }],
    ['with the tenant only in the default claim', { org_id: undefined, tenant: 'ext-tenant' }],
  ])('refuses a token %s', async (_name, change) => {
    const response = await call('/v2/products/id/1/inventory', await idp.sign(claims(change)));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory", error="invalid_token"');
  });

  it('turns the built-in issuer off: token endpoint and key documents are 404 in the envelope, and no client is created', async () => {
    const token = await requestToken(server.url, RW_CLIENT);
    expect(token.status).toBe(404);
    expect(await token.json()).toMatchObject({ error: { code: 10008, status: 404 } });
    for (const path of ['/.well-known/jwks.json', '/.well-known/oauth-authorization-server']) expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    expect(await new KnexClientStore(side.knex).isEmpty()).toBe(true);
  });
});
