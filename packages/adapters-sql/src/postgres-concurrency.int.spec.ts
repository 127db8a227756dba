import { DEFAULT_LIMITS, InventoryService, systemClock, tenantId, type BulkItemInput } from '@inventory/core';
import { aProduct, aRecord, expectCode } from '@inventory/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgTestPersistence, describePg, type PgTestPersistence } from './testing/index.js';

const TENANT = tenantId('concurrency');
const WRITERS = 8;
const ROUNDS = 10;
const KEYS = Array.from({ length: 500 }, (_, index) => ({ productId: 1 + (index % 50), warehouseId: Math.floor(index / 50) }));
const keyOf = (key: { productId: number; warehouseId: number }): string => `${key.productId}/${key.warehouseId}`;

/** A reproducible shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describePg('PostgreSQL concurrent bulk upserts', () => {
  let db: PgTestPersistence;
  let service: InventoryService;
  beforeAll(async () => {
    db = await createPgTestPersistence({ pool: { max: WRITERS + 2 } });
    service = new InventoryService({ ...db.persistence, clock: systemClock, limits: DEFAULT_LIMITS });
    await db.persistence.unitOfWork.run((stores) => stores.products.putMany(TENANT, Array.from({ length: 50 }, (_, index) => aProduct(index + 1).build())));
  });
  afterAll(() => db.dispose());

  const stored = async (): Promise<Map<string, { quantity: number; count: number }>> => {
    const rows = await db.persistence.knex('inventory').where({ tenant: TENANT }).select('product_id', 'warehouse_id', 'quantity');
    const byKey = new Map<string, { quantity: number; count: number }>();
    for (const row of rows as { product_id: number; warehouse_id: number; quantity: number }[]) {
      const key = keyOf({ productId: row.product_id, warehouseId: row.warehouse_id });
      byKey.set(key, { quantity: row.quantity, count: (byKey.get(key)?.count ?? 0) + 1 });
    }
    return byKey;
  };

  const round = (number: number, items: (writer: number, key: (typeof KEYS)[number], index: number) => BulkItemInput) =>
    Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        service.bulkUpsertInventory(TENANT, { kind: 'id', type: 'local', items: shuffled(KEYS, number * WRITERS + writer + 1).map((key, index) => items(writer, key, index)) }),
      ),
    );

  it('when 8 writers upsert the same 500 keys in shuffled orders for 10 rounds, none fails, no key doubles, and each round ends as some serial order', async () => {
    for (let number = 0; number < ROUNDS; number += 1) {
      const results = await round(number, (writer, key) => ({ ...key, quantity: number * 100 + writer }));
      expect(results.flat().filter((result) => !result.success)).toEqual([]);
      const rows = await stored();
      expect(rows.size).toBe(KEYS.length);
      expect([...rows.values()].every((row) => row.count === 1)).toBe(true);
      const writers = new Set([...rows.values()].map((row) => row.quantity - number * 100));
      expect(writers.size).toBe(1);
      expect([...writers].every((writer) => writer >= 0 && writer < WRITERS)).toBe(true);
    }
  });

  it('when concurrent writers name different optional fields per item, they still never deadlock', async () => {
    for (let number = 0; number < 3; number += 1) {
      const results = await round(number, (writer, key, index) => ({
        ...key,
        quantity: writer,
        ...((index + writer) % 3 === 0 && { notes: `w${writer}` }),
        ...((index + writer) % 5 === 0 && { costPrice: writer + 0.5 }),
      }));
      expect(results.flat().filter((result) => !result.success)).toEqual([]);
      expect((await stored()).size).toBe(KEYS.length);
    }
  });

  it('when a write holds a product, its delete waits for the write, then counts its record and refuses (409); an edit of the product does not wait', async () => {
    const tenant = tenantId('held-product');
    await db.persistence.unitOfWork.run((stores) => stores.products.putMany(tenant, [aProduct(1).withSource('erp', 'e-1').build(), aProduct(2).build()]));
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = (): void => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const write = db.persistence.unitOfWork.run(async (stores) => {
      expect([...(await stores.products.holdExisting(tenant, [1]))]).toEqual([1]);
      holding();
      await released;
      await stores.inventory.create(tenant, aRecord().forProduct(1).build(), systemClock.now());
    });
    await held;
    const timeout = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000));
    const edit = service.putProducts(tenant, [{ id: 1, sku: 'EDITED', sources: [{ source: 'erp', sourceId: 'e-1' }] }]).then(() => 'done');
    expect(await Promise.race([edit, timeout])).toBe('done');
    let settled = false;
    const deletion = service.deleteProduct(tenant, 1).finally(() => (settled = true));
    expect((await service.deleteProduct(tenant, 2)).id).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    await write;
    await expectCode(deletion, 'PRODUCT_HAS_INVENTORY');
    expect(await db.persistence.stores.products.get(tenant, 1)).toMatchObject({ sku: 'EDITED', sources: [{ source: 'erp', sourceId: 'e-1' }] });
  });
});
