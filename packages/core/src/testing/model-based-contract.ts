import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInventoryError } from '../domain/errors.js';
import { identityKeyString } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryService } from '../use-cases/inventory-service.js';
import { aProduct, TENANT_A, TENANT_B } from './builders.js';
import type { PersistenceFixture } from './persistence-fixture.js';
import { serviceOver } from './service-over.js';

/** What the model keeps of a record; enough to tell any divergence in key, quantity or notes. */
interface ModelRecord {
  id: number;
  productId: number;
  warehouseId: number;
  location: string;
  quantity: number;
  notes: string;
}

type Fields = Pick<ModelRecord, 'productId' | 'warehouseId' | 'location'> & { quantity: number; notes?: string };
type Operation =
  | { op: 'bulk'; tenant: 0 | 1; items: Fields[] }
  | { op: 'create'; tenant: 0 | 1; fields: Fields }
  | { op: 'patch'; tenant: 0 | 1; target: number; changes: { quantity?: number; location?: string; warehouseId?: number; notes?: string } }
  | { op: 'delete'; tenant: 0 | 1; target: number };

const TENANTS: readonly TenantId[] = [TENANT_A, TENANT_B];

const fieldsArb: fc.Arbitrary<Fields> = fc.record(
  {
    productId: fc.integer({ min: 1, max: 3 }),
    warehouseId: fc.integer({ min: 0, max: 1 }),
    location: fc.constantFrom('', 'L', "l'; --"),
    quantity: fc.integer({ min: -1000, max: 1000 }),
    notes: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['productId', 'warehouseId', 'location', 'quantity'] },
);
const tenantArb = fc.constantFrom<0 | 1>(0, 1);
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('bulk' as const), tenant: tenantArb, items: fc.array(fieldsArb, { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant('create' as const), tenant: tenantArb, fields: fieldsArb }),
  fc.record({
    op: fc.constant('patch' as const),
    tenant: tenantArb,
    target: fc.nat({ max: 20 }),
    changes: fc.record({ quantity: fc.integer({ min: -5, max: 5 }), location: fc.constantFrom('', 'L'), warehouseId: fc.integer({ min: 0, max: 1 }), notes: fc.string({ maxLength: 3 }) }, { requiredKeys: [] }),
  }),
  fc.record({ op: fc.constant('delete' as const), tenant: tenantArb, target: fc.nat({ max: 20 }) }),
);

const keyOf = (record: Pick<ModelRecord, 'productId' | 'warehouseId' | 'location'>): string =>
  identityKeyString({ ...record, supplier: 'INTERN', supplierCode: '', companyId: 0 });

/**
 * Random sequences of create / patch / delete / bulk of two tenants against a plain model; after
 * every step each tenant's records must equal the model's, and no foreign row may appear.
 */
export function describeModelBasedContract(name: string, fixture: PersistenceFixture, numRuns = 30): void {
  describe(`model-based sequences: ${name}`, () => {
    it('when random operations of two tenants run, the store always equals the model', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 25 }), async (operations) => {
          const db = await fixture.create();
          try {
            const service = serviceOver(db);
            const models = TENANTS.map(() => new Map<number, ModelRecord>());
            for (const tenant of TENANTS) {
              await db.unitOfWork.run((stores) => stores.products.putMany(tenant, [1, 2, 3].map((id) => aProduct(id).build())));
            }
            for (const operation of operations) {
              const model = models[operation.tenant] ?? new Map<number, ModelRecord>();
              const allIds = models.flatMap((m) => [...m.keys()]).sort((a, b) => a - b);
              await apply(service, TENANTS[operation.tenant] ?? TENANT_A, model, operation, allIds);
              for (const [index, tenant] of TENANTS.entries()) await expectStoreEqualsModel(service, tenant, models[index] ?? new Map<number, ModelRecord>());
            }
          } finally {
            await fixture.cleanup?.();
          }
        }),
        { numRuns },
      );
    });
  });
}

async function apply(service: InventoryService, tenant: TenantId, model: Map<number, ModelRecord>, operation: Operation, allIds: readonly number[]): Promise<void> {
  const findByKey = (fields: Fields): ModelRecord | undefined => [...model.values()].find((record) => keyOf(record) === keyOf(fields));
  switch (operation.op) {
    case 'bulk': {
      const results = await service.bulkUpsertInventory(tenant, { kind: 'id', type: 'local', items: operation.items });
      operation.items.forEach((item, index) => {
        const result = results[index];
        if (result?.success !== true) throw new Error(`bulk item ${index} failed: ${JSON.stringify(result)}`);
        const existing = findByKey(item);
        if (existing === undefined) {
          expect(result.action).toBe('create');
          expect(model.has(result.id)).toBe(false);
          model.set(result.id, { id: result.id, productId: item.productId, warehouseId: item.warehouseId, location: item.location, quantity: item.quantity, notes: item.notes ?? '' });
        } else {
          expect([result.action, result.id]).toEqual(['update', existing.id]);
          existing.quantity = item.quantity;
          if (item.notes !== undefined) existing.notes = item.notes;
        }
      });
      return;
    }
    case 'create': {
      const { fields } = operation;
      const outcome = await settle(service.createInventory(tenant, { lookup: { kind: 'id', key: String(fields.productId), qualifier: '' }, type: 'local', fields }));
      if (findByKey(fields) !== undefined) {
        expect(outcome).toBe('INVENTORY_ALREADY_EXISTS');
        return;
      }
      if (typeof outcome === 'string') throw new Error(`create failed: ${outcome}`);
      model.set(outcome.id, { id: outcome.id, productId: fields.productId, warehouseId: fields.warehouseId, location: fields.location, quantity: fields.quantity, notes: fields.notes ?? '' });
      return;
    }
    case 'patch': {
      const id = allIds[operation.target % Math.max(allIds.length, 1)] ?? 999_999;
      const outcome = await settle(service.updateInventory(tenant, id, operation.changes));
      const current = model.get(id);
      if (Object.keys(operation.changes).length === 0) {
        expect(outcome).toBe('VALIDATION_FAILED');
        return;
      }
      if (current === undefined) {
        expect(outcome).toBe('INVENTORY_NOT_FOUND');
        return;
      }
      const next = { ...current, ...operation.changes };
      const holder = [...model.values()].find((record) => keyOf(record) === keyOf(next));
      if (holder !== undefined && holder.id !== id) {
        expect(outcome).toBe('INVENTORY_ALREADY_EXISTS');
        return;
      }
      expect(typeof outcome).toBe('object');
      model.set(id, next);
      return;
    }
    case 'delete': {
      const id = allIds[operation.target % Math.max(allIds.length, 1)] ?? 999_999;
      const outcome = await settle(service.deleteInventory(tenant, id));
      expect(outcome === 'INVENTORY_NOT_FOUND').toBe(!model.has(id));
      model.delete(id);
    }
  }
}

/** A use case's value, or the code of the domain error it failed with; any other error still throws. */
export async function settle<T>(promise: Promise<T>): Promise<T | string> {
  try {
    return await promise;
  } catch (error) {
    if (isInventoryError(error)) return error.code;
    throw error;
  }
}

async function expectStoreEqualsModel(service: InventoryService, tenant: TenantId, model: Map<number, ModelRecord>): Promise<void> {
  const found = await service.searchProductInventory(tenant, {}, { page: 1, size: 1000 }, true);
  const stored = found.items
    .flatMap((item) => item.balance ?? [])
    .map(({ id, productId, warehouseId, location, quantity, notes }) => ({ id, productId, warehouseId, location, quantity, notes }))
    .sort((a, b) => a.id - b.id);
  expect(stored).toEqual([...model.values()].sort((a, b) => a.id - b.id));
}
