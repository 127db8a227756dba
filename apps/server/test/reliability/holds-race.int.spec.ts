import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePg } from '@inventory/adapters-sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { freshPostgres, type FreshPostgres } from './support/fresh-postgres.js';
import { aClient, buildServer, requestToken, ServerProcess } from './support/server-process.js';

const CLIENT = aClient('shop');
const STOCK = 200;
const CLIENTS = 50;
const MULTI_LINE_CLIENTS = 20;
const MULTI_LINE_HOLDS = 5;

interface HoldJson {
  readonly id: string;
  readonly status: string;
}

/**
 * Holds never oversell, through real server processes sharing one database (docs/holds.md):
 * clients split across two processes race 1-unit holds on one product of exactly 200 units, and
 * multi-line holds naming two products in opposite orders race without a deadlock.
 */
function describeHoldRaces(label: string, database: () => Promise<{ url: string; drop(): Promise<void> }>): void {
  describe(`holds racing on ${label} across two server processes`, () => {
    let servers: ServerProcess[] = [];
    let apis: ApiClient[] = [];
    let dropDatabase: () => Promise<void> = () => Promise.resolve();

    beforeAll(async () => {
      await buildServer();
      const opened = await database();
      const { url } = opened;
      dropDatabase = () => opened.drop();
      const env = { DATABASE_URL: url, AUTH_CLIENTS: JSON.stringify([CLIENT]) };
      // One at a time: both run the migrations, and SQLite's first start also switches the file to WAL.
      servers = [await ServerProcess.start(env), await ServerProcess.start(env)];
      const token = await requestToken(servers[0]?.url ?? '', CLIENT);
      apis = servers.map((server) => new ApiClient(server.url, token));
      const [api] = apis as [ApiClient];
      expect((await api.post('/v2/products/bulk', { products: [1, 2, 3].map((id) => ({ id, sku: `P-${id}` })) })).status).toBe(200);
      const stock = [
        { productId: 1, warehouseId: 1, quantity: 120 },
        { productId: 1, warehouseId: 2, quantity: STOCK - 120 },
        { productId: 2, quantity: 1000 },
        { productId: 3, quantity: 1000 },
      ];
      expect((await api.post('/v2/inventory/bulk/id/local', { inventory: stock })).status).toBe(200);
    }, 180_000);

    afterAll(async () => {
      const codes = await Promise.all(servers.map((server) => server.stop()));
      await dropDatabase();
      expect(codes.every((code) => code === 0)).toBe(true);
    });

    it(`when ${CLIENTS} clients place 1-unit holds on a product of exactly ${STOCK} until refused, exactly ${STOCK} succeed`, async () => {
      const statuses = new Map<number, number>();
      const placed: string[] = [];
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const api = apis[client % apis.length] as ApiClient;
          for (let attempt = 0; ; attempt += 1) {
            const response = await api.post<{ data: HoldJson; error?: { type: string } }>('/v2/holds', { reference: `cart-${client}-${attempt}`, lines: [{ lookupKey: 'id', key: '1', quantity: 1 }] });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (response.status !== 201) {
              expect(response.body.error?.type).toBe('InsufficientStock');
              return;
            }
            placed.push(response.body.data.id);
          }
        }),
      );
      expect(Object.fromEntries(statuses)).toEqual({ 201: STOCK, 409: CLIENTS });
      expect(new Set(placed).size).toBe(STOCK);
      for (const api of apis) {
        const aggregate = await api.get<{ data: [{ totalQuantity: number; heldQuantity: number; availableQuantity: number }] }>('/v2/products/id/1/inventory');
        expect(aggregate.body.data[0]).toMatchObject({ totalQuantity: STOCK, heldQuantity: STOCK, availableQuantity: 0 });
      }
      // Committing some through the other process takes the stock; releasing others frees it for exactly that many new holds.
      const [one, two] = apis as [ApiClient, ApiClient];
      for (const id of placed.slice(0, 10)) expect((await two.post(`/v2/holds/${id}/commit`)).status).toBe(200);
      for (const id of placed.slice(10, 15)) expect((await one.post(`/v2/holds/${id}/release`)).status).toBe(200);
      const after = await one.get<{ data: [{ totalQuantity: number; heldQuantity: number; availableQuantity: number }] }>('/v2/products/id/1/inventory');
      expect(after.body.data[0]).toMatchObject({ totalQuantity: STOCK - 10, heldQuantity: STOCK - 15, availableQuantity: 5 });
      const again = await Promise.all(Array.from({ length: 12 }, (_, index) => (apis[index % 2] as ApiClient).post('/v2/holds', { reference: `late-${index}`, lines: [{ lookupKey: 'id', key: '1', quantity: 1 }] })));
      expect(again.filter((response) => response.status === 201)).toHaveLength(5);
      expect(again.filter((response) => response.status === 409)).toHaveLength(7);
    }, 120_000);

    it('when multi-line holds name two products in opposite orders, all of them are placed without a deadlock', async () => {
      const responses = await Promise.all(
        Array.from({ length: MULTI_LINE_CLIENTS }, async (_, client) => {
          const api = apis[client % apis.length] as ApiClient;
          const order = client % 2 === 0 ? ['2', '3'] : ['3', '2'];
          const statuses: number[] = [];
          for (let round = 0; round < MULTI_LINE_HOLDS; round += 1) {
            const response = await api.post('/v2/holds', { reference: `multi-${client}`, lines: order.map((key) => ({ lookupKey: 'id', key, quantity: 1 })) });
            statuses.push(response.status);
          }
          return statuses;
        }),
      );
      expect(responses.flat().filter((status) => status !== 201)).toEqual([]);
      for (const productId of [2, 3]) {
        const aggregate = await (apis[0] as ApiClient).get<{ data: [{ heldQuantity: number }] }>(`/v2/products/id/${productId}/inventory`);
        expect(aggregate.body.data[0].heldQuantity).toBe(MULTI_LINE_CLIENTS * MULTI_LINE_HOLDS);
      }
    }, 120_000);
  });
}

describePg('PostgreSQL', () => {
  describeHoldRaces('PostgreSQL', async (): Promise<FreshPostgres> => freshPostgres());
});

describeHoldRaces('SQLite', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'inventory-holds-'));
  return { url: `sqlite:${join(folder, 'inventory.db')}`, drop: () => rm(folder, { recursive: true, force: true }) };
});
