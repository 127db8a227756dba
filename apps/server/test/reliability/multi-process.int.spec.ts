import { describePg } from '@inventory/adapters-sql/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import type { ItemResult } from '../support/api-steps.js';
import { productsBody } from './support/bulk-batch.js';
import { freshPostgres, type FreshPostgres } from './support/fresh-postgres.js';
import { aClient, buildServer, requestToken, ServerProcess } from './support/server-process.js';

const TENANTS = [aClient('north'), aClient('south')];
const PRODUCTS = 100;
const WAREHOUSES = 10;
const WRITES_PER_SERVER = 4;
const ITEMS_PER_WRITE = 600;

/** A deterministic shuffle (seeded LCG), so a failure replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const KEYS = Array.from({ length: PRODUCTS * WAREHOUSES }, (_, index) => ({ productId: (index % PRODUCTS) + 1, warehouseId: Math.floor(index / PRODUCTS) + 1 }));

describePg('two server processes over one PostgreSQL database', () => {
  let database: FreshPostgres;
  let servers: ServerProcess[];

  beforeAll(async () => {
    await buildServer();
    database = await freshPostgres();
    const env = { DATABASE_URL: database.url, AUTH_CLIENTS: JSON.stringify(TENANTS) };
    servers = await Promise.all([ServerProcess.start(env), ServerProcess.start(env)]);
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
    expect(codes).toEqual([0, 0]);
  });

  it('accepts on each process the tokens the other one issued (signing keys shared through the database)', async () => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    for (const [issuer, verifier] of [[one, two], [two, one]] as const) {
      const token = await requestToken(issuer.url, TENANTS[0] ?? aClient('x'));
      expect((await new ApiClient(verifier.url, token).get('/v2/products/id/1')).status).toBe(404);
    }
  });

  it('serves interleaved overlapping bulk writes and reads of two tenants with zero errors and no duplicate rows', async () => {
    // Every token comes from the first process, so the second one serves only tokens it did not issue.
    const clients = await Promise.all(servers.flatMap((server) => TENANTS.map(async (tenant) => ({ tenant: tenant.tenant, api: new ApiClient(server.url, await requestToken(servers[0]?.url ?? '', tenant)) }))));
    for (const { api } of clients.slice(0, TENANTS.length)) expect((await api.post('/v2/products/bulk', productsBody(PRODUCTS))).status).toBe(200);

    const written = new Map<string, Set<number>>();
    const calls = clients.flatMap(({ tenant, api }, client) =>
      Array.from({ length: WRITES_PER_SERVER }, async (_, round) => {
        const write = client * 100 + round;
        const keys = shuffled(KEYS, write + 1).slice(0, ITEMS_PER_WRITE);
        for (const key of keys) {
          const id = `${tenant}:${key.productId}:${key.warehouseId}`;
          written.set(id, (written.get(id) ?? new Set()).add(write));
        }
        const bulk = await api.post<{ data: ItemResult[] }>('/v2/inventory/bulk/id/local', { inventory: keys.map((key) => ({ ...key, quantity: write })) });
        expect(bulk.status).toBe(200);
        expect(bulk.body.data.filter((result) => !result.success)).toEqual([]);
        const search = await api.post('/v2/inventory/search?offset=1000', {});
        expect(search.status).toBe(200);
      }),
    );
    await Promise.all(calls);

    const duplicates = await database.sql.raw<{ rows: unknown[] }>(
      'SELECT tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id FROM inventory GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1',
    );
    expect(duplicates.rows).toEqual([]);
    const rows = await database.sql('inventory').select<{ tenant: string; product_id: number; warehouse_id: number; quantity: number }[]>('tenant', 'product_id', 'warehouse_id', 'quantity');
    expect(rows).toHaveLength(written.size);
    for (const row of rows) expect(written.get(`${row.tenant}:${row.product_id}:${row.warehouse_id}`)).toContain(row.quantity);

    const views = await Promise.all(clients.map(async ({ api }) => (await api.post('/v2/inventory/search?offset=1000&expands=inventoryBalance', {})).body.data));
    expect(views[2]).toEqual(views[0]);
    expect(views[3]).toEqual(views[1]);
  });
});
