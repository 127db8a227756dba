import { isAuthenticationError, ManualClock } from '@inventory/core';
import express from 'express';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSettings } from '../auth-settings.js';
import { ClientAdmin } from '../clients/client-admin.js';
import { createAuth, type AuthStores } from '../create-auth.js';
import { MemoryClientStore } from '../memory/memory-client-store.js';
import { MemorySigningKeyStore } from '../memory/memory-signing-key-store.js';
import { listen } from '../testing/listen.js';

const settings: AuthSettings = {
  clients: [{ clientId: 'static-rw', clientSecret: 'static-secret-1', tenant: 'acme', scopes: ['inventory:read', 'inventory:write'] }],
  issuer: 'https://inventory.test',
  audience: 'inventory-api',
  tenantClaim: 'tenant',
};

/** One server process: the auth routes plus a probe that answers the authenticated principal. */
function processApp(stores: AuthStores, clock: ManualClock) {
  const auth = createAuth({ settings, stores, clock, publicUrl: 'https://inventory.test', announce: () => undefined });
  const app = express();
  app.use(auth.router);
  app.get('/whoami', async (req, res) => {
    const principal = await auth.authenticator.authenticate(req.headers.authorization);
    res.json({ tenant: principal.tenant, scopes: [...principal.scopes] });
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(isAuthenticationError(error) ? 401 : 500).json({ failure: isAuthenticationError(error) ? error.failure : 'crash' });
  });
  return { app, auth };
}

describe('built-in token endpoint over HTTP', () => {
  const clock = new ManualClock(new Date().toISOString());
  const stores = { signingKeys: new MemorySigningKeyStore(), clients: new MemoryClientStore() };
  let base = '';
  let other = '';
  let registered = { clientId: '', clientSecret: '' };
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    for (const target of ['base', 'other'] as const) {
      const { app, auth } = processApp(stores, clock);
      await auth.start();
      const served = await listen(app);
      closers.push(served.close);
      if (target === 'base') base = served.url;
      else other = served.url;
    }
    registered = (await new ClientAdmin(stores.clients, clock).create('globex', ['inventory:read'])) ?? registered;
  });
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });
  const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

  it('issues a Bearer token for a static client authenticated in the form body', async () => {
    const response = await form({ grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'static-secret-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'inventory:read inventory:write' });
    const token = String(body['access_token']);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: settings.issuer, aud: settings.audience, sub: 'static-rw', tenant: 'acme', scope: 'inventory:read inventory:write' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(1800);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('issues a token for a registered client authenticated with HTTP Basic, usable on another process', async () => {
    const response = await form({ grant_type: 'client_credentials' }, basic(registered.clientId, registered.clientSecret));
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe('inventory:read');
    const probe = await fetch(`${other}/whoami`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(await probe.json()).toEqual({ tenant: 'globex', scopes: ['inventory:read'] });
  });

  it('accepts a JSON body and narrows the scopes to those asked for', async () => {
    const response = await fetch(`${base}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'static-secret-1', scope: 'inventory:read' }),
    });
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe('inventory:read');
    expect(decodeJwt(body.access_token)['scope']).toBe('inventory:read');
  });

  it('gives every token its own jti', async () => {
    const fields = { grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'static-secret-1' };
    const [a, b] = await Promise.all([form(fields), form(fields)].map(async (request) => ((await (await request).json()) as { access_token: string }).access_token));
    expect(decodeJwt(a ?? '').jti).not.toBe(decodeJwt(b ?? '').jti);
  });

  it.each([
    ['a wrong secret in the body', { grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'nope-secret' }, {}, 401, 'invalid_client'],
    ['an unknown client', { grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'nope-secret' }, {}, 401, 'invalid_client'],
    ['no client authentication', { grant_type: 'client_credentials' }, {}, 401, 'invalid_client'],
    ['the authorization_code grant', { grant_type: 'authorization_code', code: 'x' }, {}, 400, 'unsupported_grant_type'],
    ['no grant_type', { client_id: 'static-rw', client_secret: 'static-secret-1' }, {}, 400, 'invalid_request'],
    ['a scope beyond the client', { grant_type: 'client_credentials', scope: 'inventory:write' }, 'registered', 400, 'invalid_scope'],
    ['an unknown scope', { grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'static-secret-1', scope: 'openid' }, {}, 400, 'invalid_scope'],
  ])('refuses %s per RFC 6749 §5.2', async (_name, fields, headers, status, error) => {
    const response = await form(fields, headers === 'registered' ? basic(registered.clientId, registered.clientSecret) : headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('www-authenticate')).toBeNull();
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error });
    for (const secret of ['nope-secret', 'static-secret-1', registered.clientSecret]) expect(text).not.toContain(secret);
  });

  it('answers invalid_client with a Basic challenge when Basic credentials were wrong', async () => {
    const response = await form({ grant_type: 'client_credentials' }, basic(registered.clientId, 'wrong-secret-value'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="inventory"/);
    expect(await response.text()).not.toContain('wrong-secret-value');
  });

  it('answers invalid_request for unreadable or oversized bodies', async () => {
    const broken = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'invalid_request' });
    const huge = await form({ grant_type: 'client_credentials', padding: 'x'.repeat(20_000) });
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('publishes the public signing key and RFC 8414 metadata', async () => {
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const metadata = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: settings.issuer,
      token_endpoint: 'https://inventory.test/oauth2/token',
      jwks_uri: 'https://inventory.test/.well-known/jwks.json',
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['inventory:read', 'inventory:write'],
    });
  });

  it('a token passed in the query string is ignored', async () => {
    const response = await form({ grant_type: 'client_credentials', client_id: 'static-rw', client_secret: 'static-secret-1' });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const probe = await fetch(`${base}/whoami?access_token=${token}`);
    expect(probe.status).toBe(401);
    expect(await probe.json()).toEqual({ failure: 'missing' });
  });
});

