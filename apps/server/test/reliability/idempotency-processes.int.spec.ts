import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';
import { SHARED_DATABASES, type SharedDatabase } from './support/shared-databases.js';
import { aClient, buildServer, ServerProcess } from './support/server-process.js';

const CLIENT = aClient('keys');
const ROUNDS = 6;
const REQUESTS_PER_ROUND = 6;
const RACERS = 8;

for (const database of SHARED_DATABASES) {
  database.describe(`idempotency keys and version checks across two server processes over one database [${database.name}]`, () => {
    let shared: SharedDatabase;
    let env: Record<string, string>;
    let servers: ServerProcess[] = [];
    let apis: ApiClient[] = [];

    beforeAll(async () => {
      await buildServer();
      shared = await database.open();
      env = { DATABASE_URL: shared.url, AUTH_CLIENTS: JSON.stringify([CLIENT]) };
      // One after the other: the first start migrates the database, the second finds it ready.
      servers = [await ServerProcess.start(env)];
      servers.push(await ServerProcess.start(env));
      apis = await Promise.all(servers.map((server) => server.client(CLIENT)));
      await registerProducts(apis[0] as ApiClient, aProduct(1));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await shared.drop();
    });

    it('concurrent requests with one key on both processes run it once: 201 (first or replayed) or 409 in flight, never a conflict', async () => {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const body = anItem().withQuantity(round).inWarehouse(round).json();
        const answers = await Promise.all(
          Array.from({ length: REQUESTS_PER_ROUND }, (_, index) => (apis[index % apis.length] as ApiClient).post('/v2/products/id/1/inventory/local', body, { headers: { 'Idempotency-Key': `create-${round}` } })),
        );
        const outcome = (answer: ApiResponse): string => (answer.status === 201 ? (answer.headers.get('idempotent-replayed') === 'true' ? 'replayed' : 'ran') : `${answer.status} ${answer.body.error?.type ?? ''} ${answer.headers.get('retry-after') ?? ''}`);
        const outcomes = answers.map(outcome);
        expect(outcomes.filter((each) => each === 'ran'), outcomes.join(', ')).toHaveLength(1);
        expect(outcomes.filter((each) => each !== 'ran' && each !== 'replayed' && each !== '409 IdempotencyKeyInFlight 1'), outcomes.join(', ')).toEqual([]);
        const created = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
        for (const body of created) expect(body).toEqual(created[0]);
      }
      const records = await balanceOf(apis[1] as ApiClient, 1);
      expect(records.map((record) => [record.warehouseId, record.quantity, record.version])).toEqual(Array.from({ length: ROUNDS }, (_, index) => [index + 1, index + 1, 1]));
    });

    it('If-Match PATCHes and expectedVersion items racing on both processes succeed once per version', async () => {
      const [first, second] = apis as [ApiClient, ApiClient];
      const created = await first.post('/v2/products/id/1/inventory/local', anItem().withQuantity(0).inWarehouse(50).json());
      const id = (created.body.data as { id: number }).id;
      const patches = await Promise.all(
        Array.from({ length: RACERS }, (_, racer) => (racer % 2 === 0 ? first : second).patch(`/v2/inventory/id/${id}`, { quantity: racer + 1 }, { headers: { 'If-Match': '"1"' } })),
      );
      expect(patches.map((answer) => answer.status).sort()).toEqual([200, ...Array<number>(RACERS - 1).fill(412)]);
      const items = await Promise.all(
        Array.from({ length: RACERS }, (_, racer) =>
          (racer % 2 === 0 ? first : second).post<{ data: { success: boolean; error?: { code: number } }[] }>('/v2/inventory/bulk/id/local', {
            inventory: [anItem().forProduct(1).withQuantity(100 + racer).inWarehouse(50).with({ expectedVersion: 2 }).json()],
          }),
        ),
      );
      const results = items.map((answer) => answer.body.data[0]);
      expect(results.filter((result) => result?.success)).toHaveLength(1);
      expect(results.filter((result) => result?.error?.code === 13011)).toHaveLength(RACERS - 1);
      const record = (await balanceOf(second, 1)).find((each) => each.warehouseId === 50);
      expect(record?.version).toBe(3);
    });

    it('an answer outlives the process that gave it: after a restart the replay is the same answer', async () => {
      const [first, second] = apis as [ApiClient, ApiClient];
      const body = { inventory: [anItem().forProduct(1).withQuantity(50).inWarehouse(99).json()] };
      const original = await first.post('/v2/inventory/bulk/id/local', body, { headers: { 'Idempotency-Key': 'before-restart' } });
      expect(original.status).toBe(200);
      await second.patch(`/v2/inventory/id/${String((original.body.data as { id: number }[])[0]?.id)}`, { quantity: 51 });

      expect(await servers[0]?.stop()).toBe(0);
      const restarted = await ServerProcess.start(env);
      servers[0] = restarted;
      const api = await restarted.client(CLIENT);
      for (const client of [api, second]) {
        const replay = await client.post('/v2/inventory/bulk/id/local', body, { headers: { 'Idempotency-Key': 'before-restart' } });
        expect({ status: replay.status, body: replay.body, replayed: replay.headers.get('idempotent-replayed') }).toEqual({ status: 200, body: original.body, replayed: 'true' });
      }
      expect((await balanceOf(api, 1)).find((record) => record.warehouseId === 99)).toMatchObject({ quantity: 51, version: 2 });
    });
  });
}
