import type { Movement } from '@inventory/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { balanceOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { adjust, allMovements, anAdjustment } from '../support/ledger-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';
import { SHARED_DATABASES, type SharedDatabase } from './support/shared-databases.js';
import { aClient, buildServer, ServerProcess } from './support/server-process.js';

const CLIENT = aClient('race');
const CLIENTS = 20;
const ADJUSTMENTS_PER_CLIENT = 50;
/** Warehouses 1–3 start with stock; warehouse 4 does not exist until a positive delta creates it. */
const INITIAL = new Map([
  [1, 30],
  [2, 10],
  [3, 0],
  [4, 0],
]);

/** A small seeded generator, so a failing run can be repeated. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

for (const database of SHARED_DATABASES) {
  database.describe(`concurrent adjustments from two server processes over one database [${database.name}]`, () => {
    let shared: SharedDatabase;
    let servers: ServerProcess[] = [];
    let apis: ApiClient[] = [];

    beforeAll(async () => {
      await buildServer();
      shared = await database.open();
      const env = { DATABASE_URL: shared.url, AUTH_CLIENTS: JSON.stringify([CLIENT]) };
      // One after the other: the first start migrates the database, the second finds it ready.
      servers = [await ServerProcess.start(env)];
      servers.push(await ServerProcess.start(env));
      apis = await Promise.all(servers.map((server) => server.client(CLIENT)));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await shared.drop();
    });

    it(`${CLIENTS} clients × ${ADJUSTMENTS_PER_CLIENT} random deltas on four hot records lose nothing: final = initial + Σ accepted, refusals only InsufficientStock, ledger = stock`, async () => {
      const [first] = apis as [ApiClient, ApiClient];
      await registerProducts(first, aProduct(1));
      await upsertAll(first, 'id/local', [1, 2, 3].map((warehouse) => anItem().forProduct(1).inWarehouse(warehouse).withQuantity(INITIAL.get(warehouse) ?? 0).json()));

      const accepted = new Map<number, number>();
      const applied = new Map<number, number>();
      const refusals: string[] = [];
      const unexpected: string[] = [];
      const seed = Date.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const api = apis[client % apis.length] as ApiClient;
          const random = seeded(seed + client);
          for (let step = 0; step < ADJUSTMENTS_PER_CLIENT; step += 1) {
            const warehouse = 1 + Math.floor(random() * INITIAL.size);
            const delta = (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 6));
            const response = await adjust(api, 'id/local', [anAdjustment(delta).forProduct(1).inWarehouse(warehouse).because(delta > 0 ? 'receipt' : 'sale', `c${client}-${step}`).json()]);
            const [result] = response.status === 200 ? response.body.data : [];
            if (result?.success === true) {
              accepted.set(warehouse, (accepted.get(warehouse) ?? 0) + delta);
              applied.set(warehouse, (applied.get(warehouse) ?? 0) + 1);
            }
            else if (result?.error?.type === 'InsufficientStock') {
              // Refused only when the stock it saw could not take the delta.
              const current = Number(/current quantity is (-?\d+)/.exec(result.error.details?.[0]?.message ?? '')?.[1]);
              if (!(current + delta < 0)) unexpected.push(`refused ${delta} at ${current}`);
              refusals.push(`${warehouse}:${delta}`);
            } else unexpected.push(`${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
          }
        }),
      );
      expect(unexpected, `seed ${seed}`).toEqual([]);
      expect(refusals.length, 'some deltas should meet empty stock').toBeGreaterThan(0);

      const records = await balanceOf(first, 1);
      const final = new Map(records.map((record) => [record.warehouseId, record]));
      for (const [warehouse, initial] of INITIAL) {
        const expected = initial + (accepted.get(warehouse) ?? 0);
        expect(final.get(warehouse)?.quantity ?? 0, `warehouse ${warehouse}, seed ${seed}`).toBe(expected);
        expect(expected).toBeGreaterThanOrEqual(0);
      }

      const movements = await allMovements(first, { productId: 1 });
      const byRecord = new Map<number, Movement[]>();
      for (const movement of movements) byRecord.set(movement.inventoryId, [...(byRecord.get(movement.inventoryId) ?? []), movement]);
      for (const record of records) {
        const chain = byRecord.get(record.id) ?? [];
        expect(chain.reduce((sum, movement) => sum + movement.delta, 0), `ledger of warehouse ${record.warehouseId}`).toBe(record.quantity);
        // Per record, in id order, each quantityAfter is the previous one plus its delta.
        chain.reduce((previous, movement) => {
          expect(movement.quantityAfter, `movement ${movement.id}`).toBe(previous + movement.delta);
          return movement.quantityAfter;
        }, 0);
        // Every applied delta added exactly one version; the bulk-created records started at 1.
        expect(record.version, `version of warehouse ${record.warehouseId}`).toBe((record.warehouseId <= 3 ? 1 : 0) + (applied.get(record.warehouseId) ?? 0));
      }
      const adjustmentMovements = movements.filter((movement) => movement.reason !== 'set');
      expect(adjustmentMovements).toHaveLength(CLIENTS * ADJUSTMENTS_PER_CLIENT - refusals.length);
    }, 120_000);
  });
}
