import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePg } from '@inventory/adapters-sql/testing';
import type { RunningServer } from '../../src/lifecycle/start-server.js';
import { postgresDatabase, READ_CLIENT, RW_CLIENT, sqliteDatabase, startAuthServer, type SharedDatabase } from './auth-test-server.js';
import { postFormFrom, type RawResponse } from './source-address.js';

const grant = (clientId: string, clientSecret: string) => ({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
const wrongSecret = 'wrong-secret-0123456789abcdef0123456789';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(act: () => Promise<RawResponse>): Promise<{ ms: number; response: RawResponse }> {
  const started = performance.now();
  const response = await act();
  return { ms: performance.now() - started, response };
}

function expectThrottled(response: RawResponse): void {
  expect(response.status).toBe(429);
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.body).toMatchObject({ error: 'temporarily_unavailable' });
  expect(JSON.stringify(response.body)).not.toContain(wrongSecret);
}

describe.each([
  ['sqlite', sqliteDatabase],
  ['postgres', postgresDatabase],
] as const)('token endpoint throttling through the real server [%s]', (name, open) => {
  const suite = name === 'postgres' ? describePg : describe;
  suite('', () => {
    let database: SharedDatabase;
    let server: RunningServer;
    const token = () => `${server.url}/oauth2/token`;

    beforeAll(async () => {
      database = await open();
      ({ server } = await startAuthServer(database, { AUTH_TOKEN_FAILURES_PER_ADDRESS: '8', AUTH_TOKEN_FAILURES_PER_CLIENT: '5', AUTH_TOKEN_FAILURE_WINDOW_SECONDS: '120' }));
    });
    afterAll(async () => {
      await server.close();
      await database.cleanup();
    });

    it('a burst of wrong guesses at one client is refused with 429 and Retry-After, and then so is its right secret', async () => {
      const burst = await Promise.all(Array.from({ length: 12 }, () => postFormFrom('127.0.0.2', token(), grant(READ_CLIENT.clientId, wrongSecret))));
      expect(burst.filter((response) => response.status === 401)).toHaveLength(5);
      for (const response of burst.filter((each) => each.status !== 401)) expectThrottled(response);
      expectThrottled(await postFormFrom('127.0.0.3', token(), grant(READ_CLIENT.clientId, READ_CLIENT.clientSecret)));
    });

    it('a flood of unknown client ids from one address is refused while a good client elsewhere still gets tokens quickly', async () => {
      const flooded: RawResponse[] = [];
      let sent = 0;
      const attacker = async (): Promise<void> => {
        while (sent < 300) {
          sent += 1;
          flooded.push(await postFormFrom('127.0.0.4', token(), grant(`ghost-${sent}`, wrongSecret)));
        }
      };
      const flood = Promise.all(Array.from({ length: 20 }, attacker));
      while (flooded.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      const good = [];
      for (let i = 0; i < 5; i += 1) good.push(await timed(() => postFormFrom('127.0.0.5', token(), grant(RW_CLIENT.clientId, RW_CLIENT.clientSecret))));
      await flood;
      for (const { response } of good) expect(response.status).toBe(200);
      // Unthrottled, each of the flood's 300 secret checks would queue ahead of the good ones: seconds each.
      expect(median(good.map(({ ms }) => ms)), good.map(({ ms }) => ms.toFixed(0)).join(', ')).toBeLessThan(1000);
      expect(flooded.filter((response) => response.status === 401).length).toBeLessThanOrEqual(8);
      expect(flooded.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(292);
    });

    it('successful requests do not count: a client asking for many tokens is never throttled', async () => {
      for (let i = 0; i < 25; i += 1) expect((await postFormFrom('127.0.0.6', token(), grant(RW_CLIENT.clientId, RW_CLIENT.clientSecret))).status).toBe(200);
    });
  });
});

describe('token endpoint timing: a known client id with a wrong secret costs what an unknown id costs', () => {
  let database: SharedDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await sqliteDatabase();
    ({ server } = await startAuthServer(database, { AUTH_TOKEN_FAILURES_PER_ADDRESS: '1000', AUTH_TOKEN_FAILURES_PER_CLIENT: '1000' }));
  });
  afterAll(async () => {
    await server.close();
    await database.cleanup();
  });

  it('the medians of known-wrong and unknown-id requests stay within a factor of 3', async () => {
    const url = `${server.url}/oauth2/token`;
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved and sequential, so load on the machine hits both kinds alike.
    for (let i = 0; i < 15; i += 1) {
      const a = await timed(() => postFormFrom('127.0.0.7', url, grant(RW_CLIENT.clientId, wrongSecret)));
      const b = await timed(() => postFormFrom('127.0.0.7', url, grant(`nobody-${i}`, wrongSecret)));
      expect([a.response.status, b.response.status]).toEqual([401, 401]);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const ratio = median(known) / median(unknown);
    expect(ratio, `known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describePg('token endpoint throttling shared by two server processes over one PostgreSQL', () => {
  let database: SharedDatabase;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await postgresDatabase();
    for (let i = 0; i < 2; i += 1) servers.push((await startAuthServer(database, { AUTH_TOKEN_FAILURES_PER_CLIENT: '6' })).server);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database.cleanup();
  });

  it('guesses spread over both processes add up to one limit', async () => {
    const [a, b] = servers.map((server) => `${server.url}/oauth2/token`);
    if (a === undefined || b === undefined) throw new Error('no servers');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await postFormFrom('127.0.0.8', a, grant(READ_CLIENT.clientId, wrongSecret))).status);
      statuses.push((await postFormFrom('127.0.0.9', b, grant(READ_CLIENT.clientId, wrongSecret))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});
