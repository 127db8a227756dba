import * as oauth from 'oauth4webapi';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/lifecycle/start-server.js';
import { PUBLIC_URL, RW_CLIENT, sqliteDatabase, startAuthServer, type SharedDatabase } from './auth-test-server.js';
import { getWithHeaders } from './source-address.js';

const METADATA = '/.well-known/oauth-authorization-server';
const POISON = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };

/** A port free right now, for a server whose default PUBLIC_URL (http://HOST:PORT) must be reachable. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** What oauth4webapi calls instead of fetch: the URL, and the method, headers and body it sends. */
type Fetcher = (url: string, init: { method: string; headers: Record<string, string>; body?: unknown; redirect?: 'manual' }) => Promise<Response>;

/**
 * oauth4webapi marks its switch for plain HTTP deprecated only so that it stands out; a server on
 * loopback without TLS is the case it is for.
 */
// eslint-disable-next-line @typescript-eslint/no-deprecated
const PLAIN_HTTP = oauth.allowInsecureRequests;

/**
 * RFC 8414 discovery and a client credentials grant as an off-the-shelf client does them
 * (oauth4webapi), then the token on the API: every URL it follows comes from the metadata.
 */
async function discoverAndCall(issuer: URL, options: { [oauth.customFetch]?: Fetcher; [PLAIN_HTTP]?: boolean }): Promise<number> {
  const server = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oauth2' }));
  const client: oauth.Client = { client_id: RW_CLIENT.clientId };
  const response = await oauth.clientCredentialsGrantRequest(server, client, oauth.ClientSecretBasic(RW_CLIENT.clientSecret), new URLSearchParams({ scope: 'inventory:read' }), options);
  const { access_token: token, token_type: type } = await oauth.processClientCredentialsResponse(server, client, response);
  expect(type).toBe('bearer');
  const fetcher = options[oauth.customFetch] ?? ((url, init) => fetch(url, init as RequestInit));
  const api = await fetcher(new URL('/v2/inventory/search', issuer).href, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  return api.status;
}

describe('RFC 8414 discovery through the real server', () => {
  let database: SharedDatabase;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await sqliteDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.cleanup();
  });

  it('with the default PUBLIC_URL (http://HOST:PORT), oauth4webapi discovers the issuer and gets a token that works', async () => {
    const port = await freePort();
    const { server } = await startAuthServer(database, { PUBLIC_URL: '', PORT: String(port) });
    servers.push(server);
    expect(await discoverAndCall(new URL(`http://127.0.0.1:${port}`), { [PLAIN_HTTP]: true })).toBe(200);
    const poisoned = await getWithHeaders(`${server.url}${METADATA}`, POISON);
    expect(poisoned).not.toContain('evil.example');
    expect(JSON.parse(poisoned)).toMatchObject({ issuer: `http://127.0.0.1:${port}`, token_endpoint: `http://127.0.0.1:${port}/oauth2/token` });
  });

  it('behind a proxy at PUBLIC_URL, the metadata names only PUBLIC_URL, whatever Host or X-Forwarded-* headers say', async () => {
    const { server } = await startAuthServer(database);
    servers.push(server);
    /** The proxy: the public origin, forwarded to the server as it listens. */
    const viaProxy: Fetcher = (url, init) => fetch(url.replace(PUBLIC_URL, server.url), init as RequestInit);
    expect(await discoverAndCall(new URL(PUBLIC_URL), { [oauth.customFetch]: viaProxy })).toBe(200);

    const plainText = await (await fetch(`${server.url}${METADATA}`)).text();
    const poisonedText = await getWithHeaders(`${server.url}${METADATA}`, POISON);
    expect(poisonedText).toBe(plainText);
    expect(poisonedText).not.toContain('evil.example');
    expect(JSON.parse(plainText)).toMatchObject({ issuer: PUBLIC_URL, token_endpoint: `${PUBLIC_URL}/oauth2/token`, jwks_uri: `${PUBLIC_URL}/.well-known/jwks.json` });
  });
});

describe('failed token requests in logs and metrics', () => {
  let database: SharedDatabase;
  let server: RunningServer;
  let logs: string[];

  beforeAll(async () => {
    database = await sqliteDatabase();
    ({ server, logs } = await startAuthServer(database));
  });
  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it('are logged with path /oauth2/token and counted under the route /oauth2/token', async () => {
    const refused = await fetch(`${server.url}/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: RW_CLIENT.clientId, client_secret: 'wrong-secret-0123456789abcdef0123456' }) });
    expect(refused.status).toBe(401);
    const unreadable = await fetch(`${server.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expect(unreadable.status).toBe(400);
    const requestLines = logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request' && line['method'] === 'POST');
    expect(requestLines.map((line) => [line['path'], line['status']])).toEqual([
      ['/oauth2/token', 401],
      ['/oauth2/token', 400],
    ]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/oauth2\/token"[^}]*status="401"[^}]*\} 1/);
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/oauth2\/token"[^}]*status="400"[^}]*\} 1/);
    expect(metrics).not.toContain('/oauth2/token/oauth2/token');
  });
});
