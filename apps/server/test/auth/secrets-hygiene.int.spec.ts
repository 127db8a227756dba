import { systemClock } from '@inventory/core';
import { KnexClientStore, type SqlPersistence } from '@inventory/adapters-sql';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientAdmin } from '@inventory/auth';
import type { RunningServer } from '../../src/lifecycle/start-server.js';
import { OTHER_CLIENT, READ_CLIENT, RW_CLIENT, sqliteDatabase, startAuthServer, tokenFor, type SharedDatabase } from './auth-test-server.js';

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('secrets hygiene: no client secret or bearer token in logs or error bodies', () => {
  let database: SharedDatabase;
  let server: RunningServer;
  let logs: string[];
  let side: SqlPersistence;
  const secrets: string[] = [RW_CLIENT.clientSecret, READ_CLIENT.clientSecret, OTHER_CLIENT.clientSecret];
  const bodies: string[] = [];

  beforeAll(async () => {
    database = await sqliteDatabase();
    ({ server, logs } = await startAuthServer(database));
    side = await database.open();
  });
  afterAll(async () => {
    await server.close();
    await side.close();
    await database.cleanup();
  });

  /** Sends a request and keeps the response body for the final scan. */
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${server.url}${path}`, init);
    bodies.push(await response.clone().text());
    return response;
  }

  it('a busy session of good and bad requests leaves no secret or token behind', async () => {
    const registered = await new ClientAdmin(new KnexClientStore(side.knex), systemClock).create('hooli', ['inventory:read', 'inventory:write']);
    if (registered === undefined) throw new Error('not created');
    const wrong = `wrong-${randomBytes(12).toString('hex')}`;
    secrets.push(registered.clientSecret, wrong);
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const grant = { grant_type: 'client_credentials' };

    const tokens = [await tokenFor(server.url, RW_CLIENT), await tokenFor(server.url, READ_CLIENT), await tokenFor(server.url, registered)];
    expect((await send('/oauth2/token', { ...form(grant), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(registered.clientId, registered.clientSecret) } })).status).toBe(200);
    const json = await send('/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...grant, client_id: OTHER_CLIENT.clientId, client_secret: OTHER_CLIENT.clientSecret }) });
    tokens.push(((await json.json()) as { access_token: string }).access_token);

    expect((await send('/oauth2/token', form({ ...grant, client_id: RW_CLIENT.clientId, client_secret: wrong }))).status).toBe(401);
    expect((await send('/oauth2/token', form({ ...grant, client_id: registered.clientId, client_secret: wrong }))).status).toBe(401);
    expect((await send('/oauth2/token', form({ ...grant, client_id: `no-such-${wrong}`, client_secret: RW_CLIENT.clientSecret }))).status).toBe(401);
    expect((await send('/oauth2/token', { ...form(grant), headers: { authorization: basic(RW_CLIENT.clientId, wrong) } })).status).toBe(401);
    expect((await send('/oauth2/token', { ...form({ ...grant, client_secret: RW_CLIENT.clientSecret }), headers: { authorization: basic(RW_CLIENT.clientId, RW_CLIENT.clientSecret) } })).status).toBe(400);
    expect((await send('/oauth2/token', form({ grant_type: 'password', username: 'u', password: wrong }))).status).toBe(400);
    expect((await send('/oauth2/token', form({ ...grant, client_id: RW_CLIENT.clientId, client_secret: RW_CLIENT.clientSecret, scope: 'admin' }))).status).toBe(400);
    expect((await send('/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"client_secret":"${RW_CLIENT.clientSecret}",` })).status).toBe(400);
    expect((await send('/oauth2/token', form({ ...grant, client_id: RW_CLIENT.clientId, client_secret: RW_CLIENT.clientSecret, pad: 'x'.repeat(20_000) }))).status).toBe(400);

    const [token = '', readToken = ''] = tokens;
    const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
    expect((await send('/v2/products/id/1', { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{"sku":"S-1"}' })).status).toBe(201);
    expect((await send('/v2/products/id/1/inventory', { headers: bearer(token) })).status).toBe(200);
    expect((await send('/v2/inventory/id/1', { method: 'DELETE', headers: bearer(readToken) })).status).toBe(403);
    expect((await send('/v2/inventory/id/1', { headers: bearer(`${token}x`) })).status).toBe(401);
    expect((await send('/v2/inventory/id/1', { headers: { authorization: `Bearer ${token} ${token}` } })).status).toBe(401);
    expect((await send(`/v2/inventory/id/1?access_token=${token}`)).status).toBe(401);
    expect((await send('/v2/inventory/bulk/id/local', { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: `{"inventory": [{"notes": "${token}"` })).status).toBe(400);
    expect((await send('/v2/inventory/search', { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ page: RW_CLIENT.clientSecret }) })).status).toBe(400);
    expect((await send('/v2/nowhere', { headers: bearer(token) })).status).toBe(404);

    expect(logs.length).toBeGreaterThan(20);
    const leaks = [...secrets, ...tokens, ...tokens.map((value) => value.split('.')[2] ?? '')].filter((needle) => needle.length > 0);
    for (const needle of leaks) {
      for (const line of logs) expect(line, 'a log line').not.toContain(needle);
    }
    for (const needle of [...secrets, ...tokens]) {
      for (const body of bodies.filter((text) => !text.includes('access_token'))) expect(body, 'an error body').not.toContain(needle);
    }
  });
});
