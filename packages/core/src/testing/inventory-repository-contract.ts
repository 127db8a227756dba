import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { isInventoryError, type ErrorCode, type InventoryError } from '../domain/errors.js';
import { compareIdentityKeys } from '../domain/inventory-record.js';
import type { UpsertConflict, UpsertOutcome } from '../ports/inventory-repository.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { aRecord, decimal, instant, TENANT_A, TENANT_B } from './builders.js';
import type { PersistenceFixture } from './persistence-fixture.js';

const NOW = instant('2025-06-01T12:00:00.000Z');
const LATER = instant('2025-06-02T08:30:00.000Z');

/** The outcomes of an upsert without version checks, which has no conflicts. */
export function written(outcomes: readonly (UpsertOutcome | UpsertConflict)[]): UpsertOutcome[] {
  return outcomes.map((outcome) => {
    if ('conflictVersion' in outcome) throw new Error('an upsert without expectedVersion reported a conflict');
    return outcome;
  });
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<InventoryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(isInventoryError(error) ? error.code : error).toBe(code);
  return error as InventoryError;
}

/** The behaviour every `InventoryRepository` must share with the in-memory reference. */
export function describeInventoryRepositoryContract(name: string, fixture: PersistenceFixture): void {
  describe(`InventoryRepository contract: ${name}`, () => {
    let db: PersistenceAdapters;
    beforeEach(async () => {
      db = await fixture.create();
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });
    const repo = () => db.stores.inventory;

    it('when a record is created, it reads back with every value and server-set timestamps', async () => {
      const values = aRecord().forProduct(7).fromSupplier('Acme', 'AC-1').atLocation('B-3').inWarehouse(2).costing('12.99').deliveringOn('2025-08-01').withNotes('n').build();
      const created = await repo().create(TENANT_A, values, NOW);
      expect(created).toEqual({ ...values, id: created.id, version: 1, createdAt: NOW, lastModifiedAt: NOW });
      expect(await repo().get(TENANT_A, created.id)).toEqual(created);
    });

    it.each(['12345.67891', '0.00001', '-99999.99999', '99999.99999', '0', '12.5'])('when cost price is %s, it round-trips exactly', async (price) => {
      const created = await repo().create(TENANT_A, aRecord().costing(price).build(), NOW);
      expect((await repo().get(TENANT_A, created.id))?.costPrice).toBe(decimal(price));
    });

    it('when a second record has the same identity key, creating it is a conflict and the first is untouched', async () => {
      const first = await repo().create(TENANT_A, aRecord().withQuantity(1).build(), NOW);
      await expectCode(repo().create(TENANT_A, aRecord().withQuantity(2).withNotes('other').build(), LATER), 'INVENTORY_ALREADY_EXISTS');
      expect(await repo().get(TENANT_A, first.id)).toEqual(first);
    });

    it('when two tenants use the same identity key, they get two independent records', async () => {
      const a = await repo().create(TENANT_A, aRecord().withQuantity(1).build(), NOW);
      const b = await repo().create(TENANT_B, aRecord().withQuantity(2).build(), NOW);
      expect(a.id).not.toBe(b.id);
      expect((await repo().get(TENANT_A, a.id))?.quantity).toBe(1);
      expect((await repo().get(TENANT_B, b.id))?.quantity).toBe(2);
    });

    it('when key strings differ only by case or spaces, they are different keys', async () => {
      await repo().create(TENANT_A, aRecord().atLocation('a').build(), NOW);
      await repo().create(TENANT_A, aRecord().atLocation('A').build(), NOW);
      await repo().create(TENANT_A, aRecord().atLocation(' a').build(), NOW);
      expect(await repo().countForProduct(TENANT_A, 1)).toBe(3);
    });

    it('when strings look like injections or carry unicode, they are stored verbatim', async () => {
      const notes = `'; DROP TABLE inventory; -- %_ \\ "x" 🚀 ñ`;
      const created = await repo().create(TENANT_A, aRecord().withNotes(notes).atLocation("x' OR '1'='1").build(), NOW);
      const read = await repo().get(TENANT_A, created.id);
      expect(read?.notes).toBe(notes);
      expect(read?.location).toBe("x' OR '1'='1");
    });

    it('when another tenant asks for a record, it does not exist for them', async () => {
      const created = await repo().create(TENANT_A, aRecord().build(), NOW);
      expect(await repo().get(TENANT_B, created.id)).toBeUndefined();
      expect(await repo().update(TENANT_B, created.id, { quantity: 99 }, LATER)).toEqual({ status: 'missing' });
      expect(await repo().delete(TENANT_B, created.id)).toEqual({ status: 'missing' });
      expect(await repo().countForProduct(TENANT_B, 1)).toBe(0);
      expect(await repo().get(TENANT_A, created.id)).toEqual(created);
    });

    it('when a record is updated, only the given fields and lastModifiedAt change', async () => {
      const created = await repo().create(TENANT_A, aRecord().withNotes('keep').deliveringOn('2025-07-01').build(), NOW);
      const updated = await repo().update(TENANT_A, created.id, { quantity: -5, costPrice: decimal('0.00001'), nextDeliveryDate: null }, LATER);
      const record = { ...created, quantity: -5, costPrice: decimal('0.00001'), nextDeliveryDate: null, lastModifiedAt: LATER, version: 2 };
      expect(updated).toEqual({ status: 'written', record, changed: true });
      expect(await repo().get(TENANT_A, created.id)).toEqual(record);
    });

    it('when an update would collide with another identity key, it is a conflict and nothing changes', async () => {
      const one = await repo().create(TENANT_A, aRecord().atLocation('one').build(), NOW);
      const two = await repo().create(TENANT_A, aRecord().atLocation('two').build(), NOW);
      await expectCode(repo().update(TENANT_A, two.id, { location: 'one', quantity: 3 }, LATER), 'INVENTORY_ALREADY_EXISTS');
      expect(await repo().get(TENANT_A, one.id)).toEqual(one);
      expect(await repo().get(TENANT_A, two.id)).toEqual(two);
    });

    it('when a missing record is updated or deleted, nothing happens', async () => {
      expect(await repo().update(TENANT_A, 424242, { quantity: 1 }, NOW)).toEqual({ status: 'missing' });
      expect(await repo().delete(TENANT_A, 424242)).toEqual({ status: 'missing' });
      expect(await repo().update(TENANT_A, 424242, { quantity: 1 }, NOW, [1])).toEqual({ status: 'missing' });
      expect(await repo().delete(TENANT_A, 424242, [0])).toEqual({ status: 'missing' });
    });

    it('when a record is deleted, it is gone and its neighbour stays', async () => {
      const gone = await repo().create(TENANT_A, aRecord().inWarehouse(1).build(), NOW);
      const kept = await repo().create(TENANT_A, aRecord().inWarehouse(2).build(), NOW);
      expect(await repo().delete(TENANT_A, gone.id)).toEqual({ status: 'written', record: gone, changed: true });
      expect(await repo().get(TENANT_A, gone.id)).toBeUndefined();
      expect(await repo().get(TENANT_A, kept.id)).toEqual(kept);
    });

    it('when rows are upserted, new keys are created and existing keys updated in place', async () => {
      const existing = await repo().create(TENANT_A, aRecord().inWarehouse(1).withNotes('old').costing('1.5').build(), NOW);
      const rows = [
        { values: aRecord().inWarehouse(1).withQuantity(50).withNotes('ignored').costing('9').build(), overwrite: [] },
        { values: aRecord().inWarehouse(2).withQuantity(60).costing('2.25').build(), overwrite: [] },
      ];
      const outcomes = await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, rows, LATER));
      const [updated, created] = written(outcomes);
      expect(updated).toEqual({ id: existing.id, created: false, changed: true });
      expect(created?.created).toBe(true);
      expect(await repo().get(TENANT_A, existing.id)).toEqual({ ...existing, quantity: 50, lastModifiedAt: LATER, version: 2 });
      expect(await repo().get(TENANT_A, created?.id ?? 0)).toEqual({ ...rows[1]?.values, id: created?.id, version: 1, createdAt: LATER, lastModifiedAt: LATER });
    });

    it('when an upsert names fields to overwrite, exactly those change on an existing record', async () => {
      const existing = await repo().create(TENANT_A, aRecord().withNotes('old').costing('1.5').deliveringOn('2025-07-01').build(), NOW);
      const values = aRecord().withQuantity(3).withNotes('new').costing('7.12345').deliveringOn(null).build();
      await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values, overwrite: ['notes', 'nextDeliveryDate'] }], LATER));
      expect(await repo().get(TENANT_A, existing.id)).toEqual({ ...existing, quantity: 3, notes: 'new', nextDeliveryDate: null, lastModifiedAt: LATER, version: 2 });
      await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values, overwrite: ['costPrice'] }], LATER));
      expect((await repo().get(TENANT_A, existing.id))?.costPrice).toBe(decimal('7.12345'));
    });

    it('when two tenants upsert the same key, each gets its own record', async () => {
      const values = aRecord().build();
      const [a] = written(await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values, overwrite: [] }], NOW)));
      const [b] = written(await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_B, [{ values, overwrite: [] }], NOW)));
      expect(a?.created).toBe(true);
      expect(b?.created).toBe(true);
      expect(a?.id).not.toBe(b?.id);
    });

    it('when the work of a unit of work throws, none of its writes remain', async () => {
      const kept = await repo().create(TENANT_A, aRecord().inWarehouse(9).build(), NOW);
      const failing = db.unitOfWork.run(async (stores) => {
        await stores.inventory.upsertMany(TENANT_A, [{ values: aRecord().inWarehouse(1).build(), overwrite: [] }, { values: aRecord().inWarehouse(2).build(), overwrite: [] }], NOW);
        await stores.inventory.update(TENANT_A, kept.id, { quantity: 0 }, NOW);
        throw new Error('boom');
      });
      await expect(failing).rejects.toThrow('boom');
      expect(await repo().countForProduct(TENANT_A, 1)).toBe(1);
      expect(await repo().get(TENANT_A, kept.id)).toEqual(kept);
    });

    it('when many rows are upserted at once, every one is written', async () => {
      const rows = Array.from({ length: 1500 }, (_, index) => ({ values: aRecord().forProduct(1 + (index % 7)).inWarehouse(index).withQuantity(index).build(), overwrite: [] })).sort(
        (a, b) => compareIdentityKeys(a.values, b.values),
      );
      const outcomes = written(await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, rows, NOW)));
      expect(outcomes).toHaveLength(1500);
      expect(new Set(outcomes.map((outcome) => outcome.id)).size).toBe(1500);
      expect(outcomes.every((outcome) => outcome.created)).toBe(true);
      const again = await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, rows, LATER));
      expect(again).toEqual(outcomes.map((outcome) => ({ ...outcome, created: false, changed: false })));
      const row = rows[1234];
      const stored = await repo().get(TENANT_A, outcomes[1234]?.id ?? 0);
      expect(stored).toMatchObject({ quantity: row?.values.quantity, version: 1, lastModifiedAt: NOW });
      const changedEveryOther = rows.map((one, index) => (index % 2 === 0 ? { ...one, values: { ...one.values, quantity: one.values.quantity + 1 } } : one));
      const third = written(await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, changedEveryOther, LATER)));
      expect(third.map((outcome) => outcome.changed)).toEqual(rows.map((_one, index) => index % 2 === 0));
      expect(third.map((outcome) => outcome.id)).toEqual(outcomes.map((outcome) => outcome.id));
    });

    it('when an upsert or update equals what is stored, nothing changes: same version, same lastModifiedAt', async () => {
      const existing = await repo().create(TENANT_A, aRecord().withQuantity(4).withNotes('n').costing('1.5').deliveringOn('2025-07-01').build(), NOW);
      const same = aRecord().withQuantity(4).withNotes('n').costing('1.5').deliveringOn('2025-07-01').build();
      const outcomes = await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values: same, overwrite: ['costPrice', 'nextDeliveryDate', 'notes'] }], LATER));
      expect(outcomes).toEqual([{ id: existing.id, created: false, changed: false }]);
      expect(await repo().update(TENANT_A, existing.id, { quantity: 4, notes: 'n', costPrice: decimal('1.5') }, LATER)).toEqual({ status: 'written', record: existing, changed: false });
      expect(await repo().get(TENANT_A, existing.id)).toEqual(existing);
      const notesOnly = await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, [{ values: { ...same, notes: 'other' }, overwrite: ['notes'] }], LATER));
      expect(notesOnly).toEqual([{ id: existing.id, created: false, changed: true }]);
      expect(await repo().get(TENANT_A, existing.id)).toEqual({ ...existing, notes: 'other', version: 2, lastModifiedAt: LATER });
    });

    it('when rows name different extra fields, each record gains exactly one version for its changes', async () => {
      const a = await repo().create(TENANT_A, aRecord().inWarehouse(1).withQuantity(1).withNotes('a').build(), NOW);
      const b = await repo().create(TENANT_A, aRecord().inWarehouse(2).withQuantity(1).withNotes('b').build(), NOW);
      const rows = [
        { values: aRecord().inWarehouse(1).withQuantity(2).withNotes('a2').build(), overwrite: ['notes' as const] },
        { values: aRecord().inWarehouse(2).withQuantity(1).withNotes('b2').build(), overwrite: ['notes' as const] },
        { values: aRecord().inWarehouse(3).withQuantity(1).build(), overwrite: [] },
      ];
      const outcomes = written(await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, rows, LATER)));
      expect(outcomes.map((outcome) => [outcome.created, outcome.changed])).toEqual([[false, true], [false, true], [true, true]]);
      expect(await repo().get(TENANT_A, a.id)).toMatchObject({ quantity: 2, notes: 'a2', version: 2 });
      expect(await repo().get(TENANT_A, b.id)).toMatchObject({ quantity: 1, notes: 'b2', version: 2 });
    });

    it('when a write names the versions it accepts, it happens only at one of them', async () => {
      const created = await repo().create(TENANT_A, aRecord().withQuantity(1).build(), NOW);
      expect(await repo().update(TENANT_A, created.id, { quantity: 2 }, LATER, [5, 7])).toEqual({ status: 'version-mismatch', version: 1 });
      expect(await repo().delete(TENANT_A, created.id, [2])).toEqual({ status: 'version-mismatch', version: 1 });
      expect(await repo().get(TENANT_A, created.id)).toEqual(created);
      const updated = await repo().update(TENANT_A, created.id, { quantity: 2 }, LATER, [3, 1]);
      expect(updated).toMatchObject({ status: 'written', changed: true, record: { quantity: 2, version: 2 } });
      expect(await repo().update(TENANT_A, created.id, { quantity: 2 }, LATER, [2])).toMatchObject({ status: 'written', changed: false, record: { version: 2 } });
      expect(await repo().delete(TENANT_A, created.id, [2])).toMatchObject({ status: 'written', record: { id: created.id, version: 2 } });
    });

    it('when upsert rows carry expectedVersion, a mismatch writes nothing for that row and the others go on', async () => {
      const existing = await repo().create(TENANT_A, aRecord().inWarehouse(1).withQuantity(1).build(), NOW);
      const rows = [
        { values: aRecord().inWarehouse(1).withQuantity(5).build(), overwrite: [], expectedVersion: 3 },
        { values: aRecord().inWarehouse(2).withQuantity(6).build(), overwrite: [], expectedVersion: 2 },
        { values: aRecord().inWarehouse(3).withQuantity(7).build(), overwrite: [], expectedVersion: 0 },
        { values: aRecord().inWarehouse(4).withQuantity(8).build(), overwrite: [] },
      ];
      const outcomes = await db.unitOfWork.run((stores) => stores.inventory.upsertMany(TENANT_A, rows, LATER));
      expect(outcomes[0]).toEqual({ conflictVersion: 1 });
      expect(outcomes[1]).toEqual({ conflictVersion: 0 });
      expect(outcomes[2]).toMatchObject({ created: true, changed: true });
      expect(outcomes[3]).toMatchObject({ created: true, changed: true });
      expect(await repo().get(TENANT_A, existing.id)).toEqual(existing);
      expect(await repo().countForProduct(TENANT_A, 1)).toBe(3);
      const matching = await db.unitOfWork.run((stores) =>
        stores.inventory.upsertMany(TENANT_A, [
          { values: aRecord().inWarehouse(1).withQuantity(5).build(), overwrite: [], expectedVersion: 1 },
          { values: aRecord().inWarehouse(3).withQuantity(7).build(), overwrite: [], expectedVersion: 1 },
          { values: aRecord().inWarehouse(4).withQuantity(9).build(), overwrite: [], expectedVersion: 0 },
        ], LATER),
      );
      expect(matching).toEqual([{ id: existing.id, created: false, changed: true }, { id: expect.any(Number) as number, created: false, changed: false }, { conflictVersion: 1 }]);
      expect(await repo().get(TENANT_A, existing.id)).toMatchObject({ quantity: 5, version: 2 });
    });
  });
}
