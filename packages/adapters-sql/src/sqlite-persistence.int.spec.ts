import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInventoryError, type Stores } from '@inventory/core';
import { aRecord, decimal, expectCode, instant, TENANT_A } from '@inventory/core/testing';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqlPersistence, migrations, type SqlPersistence } from './index.js';

const NOW = instant('2025-06-15T10:00:00.000Z');
const folder = mkdtempSync(join(tmpdir(), 'inventory-sqlite-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A promise and the function that settles it, to hold a unit of work open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('SQLite persistence on a file', () => {
  let file: string;
  let db: SqlPersistence;
  beforeEach(async () => {
    file = join(folder, `${Math.random().toString(36).slice(2)}.sqlite`, 'nested', 'inventory.db');
    db = await createSqlPersistence({ url: `sqlite:${file}`, sqliteBusyTimeoutMs: 400 });
    await db.migrate();
  });
  afterEach(async () => {
    await db.close();
  });

  it('when opened on a file in a missing folder, it creates it, runs in WAL mode, and migrating again changes nothing', async () => {
    await db.migrate();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT name FROM knex_migrations ORDER BY id').all()).toEqual(migrations.map(({ name }) => ({ name })));
    raw.close();
  });

  it('stores cost price as an integer of 1e-5 units and instants as canonical ISO text', async () => {
    const created = await db.stores.inventory.create(TENANT_A, aRecord().costing('-99999.99999').deliveringOn('2025-08-01').build(), NOW);
    const row: unknown = await db.knex('inventory').where({ id: created.id }).first('cost_price', 'next_delivery_date', 'created_at');
    expect(row).toEqual({ cost_price: -9_999_999_999, next_delivery_date: '2025-08-01T00:00:00.000Z', created_at: NOW });
    expect((await db.stores.inventory.get(TENANT_A, created.id))?.costPrice).toBe(decimal('-99999.99999'));
  });

  it('when a unit of work is open, auto-commit reads answer at once with the last committed state', async () => {
    const kept = await db.stores.inventory.create(TENANT_A, aRecord().withQuantity(1).build(), NOW);
    const { opened, open } = gate();
    const running = db.unitOfWork.run(async (stores) => {
      await stores.inventory.update(TENANT_A, kept.id, { quantity: 2 }, NOW);
      await opened;
    });
    expect((await db.stores.inventory.get(TENANT_A, kept.id))?.quantity).toBe(1);
    open();
    await running;
    expect((await db.stores.inventory.get(TENANT_A, kept.id))?.quantity).toBe(2);
  });

  it('when another process holds the write lock past the busy timeout, the write fails with SERVICE_UNAVAILABLE while reads go on', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const write = db.stores.inventory.create(TENANT_A, aRecord().build(), NOW);
      expect(await db.stores.inventory.countForProduct(TENANT_A, 1)).toBe(0);
      await expectCode(write, 'SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await db.stores.inventory.create(TENANT_A, aRecord().build(), NOW)).quantity).toBe(10);
  });

  it('when another process releases the write lock within the busy timeout, the waiting write succeeds', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => {
      other.exec('COMMIT');
      other.close();
    }, 100);
    const created = await db.stores.inventory.create(TENANT_A, aRecord().build(), NOW);
    expect(await db.stores.inventory.get(TENANT_A, created.id)).toEqual(created);
  });

  it('when knex writes while a unit of work is open, it waits for the commit instead of joining the transaction', async () => {
    const { opened, open } = gate();
    const order: string[] = [];
    const running = db.unitOfWork.run(async (stores) => {
      await stores.inventory.create(TENANT_A, aRecord().build(), NOW);
      await opened;
      order.push('unit of work');
      throw new Error('rolled back');
    });
    const knexWrite = db.knex('inventory').insert({ ...rowOf(aRecord().inWarehouse(5).build()), tenant: TENANT_A }).then(() => order.push('knex'));
    open();
    await expect(running).rejects.toThrow('rolled back');
    await knexWrite;
    expect(order).toEqual(['unit of work', 'knex']);
    expect(await db.stores.inventory.countForProduct(TENANT_A, 1)).toBe(1);
  });

  it('when stores of a finished unit of work are used, they refuse instead of writing outside it', async () => {
    let leaked: Stores | undefined;
    await db.unitOfWork.run((stores) => {
      leaked = stores;
      return Promise.resolve();
    });
    await expect(leaked?.inventory.create(TENANT_A, aRecord().build(), NOW)).rejects.toThrow(/already ended/);
  });

  it('when the database fails in an unexpected way, the error names no SQL', async () => {
    await db.knex.schema.dropTable('inventory');
    const error: unknown = await db.stores.inventory.get(TENANT_A, 1).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Database operation failed (SQLITE_ERROR)');
    expect(isInventoryError(error)).toBe(false);
  });
});

describe('SQLite persistence lifecycle', () => {
  it('when closed, ping and reads fail as SERVICE_UNAVAILABLE', async () => {
    const db = await createSqlPersistence({ url: 'sqlite::memory:' });
    await db.migrate();
    await db.ping();
    await db.close();
    await expectCode(db.ping(), 'SERVICE_UNAVAILABLE');
    await expectCode(db.stores.inventory.get(TENANT_A, 1), 'SERVICE_UNAVAILABLE');
  });

  it('when the file cannot be opened, creating the persistence rejects', async () => {
    await expect(createSqlPersistence({ url: `sqlite:${folder}` })).rejects.toThrow();
    await expect(createSqlPersistence({ url: 'mysql://db/x' })).rejects.toThrow(/Unsupported database URL/);
  });
});

function rowOf(values: ReturnType<ReturnType<typeof aRecord>['build']>): Record<string, unknown> {
  return {
    product_id: values.productId,
    supplier: values.supplier,
    supplier_code: values.supplierCode,
    location: values.location,
    warehouse_id: values.warehouseId,
    company_id: values.companyId,
    quantity: values.quantity,
    sku: values.sku,
    cost_price: values.costPrice,
    notes: values.notes,
    next_delivery_date: values.nextDeliveryDate,
    created_at: NOW,
    last_modified_at: NOW,
  };
}
