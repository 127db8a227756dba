import { systemClock } from '@inventory/core';
import { KnexClientStore, KnexSigningKeyStore, type SqlPersistence } from '@inventory/adapters-sql';
import { describePg } from '@inventory/adapters-sql/testing';
import { base64url, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientAdmin } from '@inventory/auth';
import type { RunningServer } from '../../src/lifecycle/start-server.js';
import { postgresDatabase, PUBLIC_URL, RW_CLIENT, sqliteDatabase, startAuthServer, tokenFor, type SharedDatabase } from './auth-test-server.js';

const now = (): number => Math.floor(Date.now() / 1000);

function hs256(header: object, payload: object, secret: string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function describeAuthentication(name: string, describeDb: (name: string, suite: () => void) => void, openDatabase: () => Promise<SharedDatabase>): void {
  describeDb(`authentication through the real server [${name}]`, () => {
    let database: SharedDatabase;
    let first: RunningServer;
    let second: RunningServer;
    let side: SqlPersistence;
    let signing: { kid: string; key: CryptoKey };

    beforeAll(async () => {
      database = await openDatabase();
      first = (await startAuthServer(database)).server;
      second = (await startAuthServer(database)).server;
      side = await database.open();
      const [stored] = await new KnexSigningKeyStore(side.knex).listUsable(new Date().toISOString());
      if (stored === undefined) throw new Error('the server created no signing key');
      signing = { kid: stored.kid, key: (await importJWK(JSON.parse(stored.privateJwk) as JWK, 'ES256')) as CryptoKey };
    });
    afterAll(async () => {
      await Promise.all([first.close(), second.close(), side.close()]);
      await database.cleanup();
    });

    const claims = (overrides: Record<string, unknown> = {}) => {
      const all: Record<string, unknown> = { iss: PUBLIC_URL, aud: 'inventory-api', sub: 'forger', tenant: 'acme', scope: 'inventory:read inventory:write', iat: now(), exp: now() + 600, ...overrides };
      return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
    };
    const signed = (payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: signing.kid }).sign(signing.key);

    const get = (url: string, path: string, authorization?: string) => fetch(`${url}${path}`, { headers: authorization === undefined ? {} : { authorization } });

    it('a hand-made token with valid claims is accepted, so the rejections below test one flaw each', async () => {
      const response = await get(first.url, '/v2/inventory/id/1', `Bearer ${await signed(claims())}`);
      expect(response.status).toBe(404);
    });

    const forgeries: [string, () => Promise<string>][] = [
      ['a malformed token', () => Promise.resolve('abc.def.ghi')],
      ['an expired token', () => signed(claims({ iat: now() - 3600, exp: now() - 60 }))],
      ['a token not valid yet', () => signed(claims({ nbf: now() + 600 }))],
      ['a token from another issuer', () => signed(claims({ iss: 'https://evil.example' }))],
      ['a token for another audience', () => signed(claims({ aud: 'billing-api' }))],
      ['an unsigned token (alg none)', () => Promise.resolve(new UnsecuredJWT(claims()).encode())],
      ['a token without exp', () => signed(claims({ exp: undefined }))],
      ['a token without tenant', () => signed(claims({ tenant: undefined }))],
      ['a token with an empty tenant', () => signed(claims({ tenant: '' }))],
      ['a token with a numeric tenant', () => signed(claims({ tenant: 7 }))],
      [
        'an HS256 token keyed with the published public key',
        async () => {
          const { keys } = (await (await fetch(`${first.url}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
          return hs256({ alg: 'HS256', kid: signing.kid }, claims(), JSON.stringify(keys[0]));
        },
      ],
      [
        'a token whose kid is unknown',
        async () => new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: 'not-a-key' }).sign((await generateKeyPair('ES256')).privateKey),
      ],
      [
        'a token whose payload was changed after signing',
        async () => {
          const [header, , signature] = (await signed(claims())).split('.');
          return `${header ?? ''}.${base64url.encode(JSON.stringify(claims({ tenant: 'globex' })))}.${signature ?? ''}`;
        },
      ],
    ];

    it.each(forgeries)('rejects %s with 401 invalid_token on reads and writes, never a 500', async (_name, forge) => {
      const token = await forge();
      for (const [method, path, body] of [
        ['GET', '/v2/inventory/id/1', undefined],
        ['POST', '/v2/products/bulk', JSON.stringify({ products: [{ id: 1 }] })],
      ] as const) {
        const response = await fetch(`${first.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body }) });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory", error="invalid_token"');
        const text = await response.text();
        expect(JSON.parse(text)).toMatchObject({ error: { code: 10001, status: 401, type: 'Unauthorized' } });
        expect(text).not.toContain(token);
      }
    });

    it('ignores a token in the query string: no credentials, bare challenge', async () => {
      const token = await tokenFor(first.url, RW_CLIENT);
      for (const query of [`access_token=${token}`, `token=${token}`]) {
        const response = await get(first.url, `/v2/inventory/id/1?${query}`);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory"');
      }
    });

    it('a token issued by one server process is accepted by another over the same database', async () => {
      const token = await tokenFor(first.url, RW_CLIENT);
      const created = await fetch(`${second.url}/v2/products/id/42`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sku: 'X-42' }) });
      expect(created.status).toBe(201);
      expect((await get(first.url, '/v2/products/id/42', `Bearer ${await tokenFor(second.url, RW_CLIENT)}`)).status).toBe(200);
    });

    it('a client registered in the database by another process gets tokens from every server, until revoked', async () => {
      const admin = new ClientAdmin(new KnexClientStore(side.knex), systemClock);
      const credentials = await admin.create('initech', ['inventory:read']);
      if (credentials === undefined) throw new Error('not created');
      for (const server of [first, second]) {
        const token = await tokenFor(server.url, credentials);
        expect((await get(server.url, '/v2/inventory/id/1', `Bearer ${token}`)).status).toBe(404);
        expect((await fetch(`${server.url}/v2/inventory/id/1`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
      }
      await admin.revoke(credentials.clientId);
      const refused = await fetch(`${first.url}/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }) });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('serves the token endpoint, key set and metadata without a token', async () => {
      expect((await get(first.url, '/.well-known/jwks.json')).status).toBe(200);
      const metadata = (await (await get(first.url, '/.well-known/oauth-authorization-server')).json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({ issuer: PUBLIC_URL, token_endpoint: `${PUBLIC_URL}/oauth2/token`, jwks_uri: `${PUBLIC_URL}/.well-known/jwks.json` });
    });
  });
}

describeAuthentication('sqlite', (name, suite) => describe(name, suite), sqliteDatabase);
describeAuthentication('postgres', describePg, postgresDatabase);
