import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersistenceAdapters } from '../ports/persistence.js';
import type { ProductDirectory } from '../ports/product-directory.js';
import type { BulkItem } from '../use-cases/upsert-inventory-items.js';
import type { InventoryService } from '../use-cases/inventory-service.js';
import { aProduct, TENANT_A, TENANT_B } from './builders.js';
import { expectCode } from './inventory-repository-contract.js';
import type { PersistenceFixture } from './persistence-fixture.js';
import { serviceOver } from './service-over.js';

/** The use cases over a real adapter: lookups, bulk dedupe, per-item failures, tenancy. */
export function describeUseCaseContract(name: string, fixture: PersistenceFixture): void {
  describe(`use cases over ${name}`, () => {
    let db: PersistenceAdapters;
    let service: InventoryService;
    beforeEach(async () => {
      db = await fixture.create();
      service = serviceOver(db);
      await db.unitOfWork.run((stores) =>
        stores.products.putMany(TENANT_A, [
          aProduct(1).withSku('W-1').suppliedBy('Acme', 'AC-1').costing('4.5').withSource('erp', 'e-1').build(),
          aProduct(2).withSku('DUP').build(),
          aProduct(3).withSku('DUP').build(),
        ]),
      );
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });
    const bulk = (items: readonly BulkItem[], kind: 'id' | 'sku' | 'sourceId' | 'supplierCode' = 'sku', type: 'local' | 'supplier' = 'local', qualifier?: string) =>
      service.bulkUpsertInventory(TENANT_A, { kind, type, items, ...(qualifier !== undefined && { qualifier }) });

    it('when bulk items share an identity key, they apply in order and the last one wins', async () => {
      const results = await bulk([{ sku: 'W-1', quantity: 1, notes: 'first' }, { sku: 'W-1', quantity: 2 }, { sku: 'W-1', quantity: 3, warehouseId: 1 }]);
      expect(results.map((result) => (result.success ? result.action : result.error.code))).toEqual(['create', 'update', 'create']);
      expect(results[0]?.success && results[1]?.success && results[0].id === results[1].id).toBe(true);
      const aggregate = await service.getProductInventory(TENANT_A, { lookup: { kind: 'id', key: '1', qualifier: '' }, withBalance: true });
      expect(aggregate.localQuantity).toBe(5);
      expect(aggregate.balance?.map((record) => [record.quantity, record.notes, record.costPrice])).toEqual([[2, 'first', 450_000], [3, '', 450_000]]);
    });

    it('when bulk items fail on their own, the others are written and results keep request order', async () => {
      const results = await bulk([{ sku: 'NOPE', quantity: 1 }, { quantity: 1 }, { sku: 'DUP', quantity: 1 }, { sku: 'W-1', quantity: 1.5 }, { invalid: [{ path: 'quantity', message: 'bad' }], key: 'W-1' }, { sku: 'W-1', quantity: 9 }]);
      expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(results.map((result) => (result.success ? result.action : result.error.code))).toEqual([
        'PRODUCT_NOT_FOUND',
        'LOOKUP_KEY_MISSING',
        'PRODUCT_MULTIPLE_FOUND',
        'VALIDATION_FAILED',
        'VALIDATION_FAILED',
        'create',
      ]);
      expect(results[3]?.success === false && results[3].error.details).toEqual([{ path: 'quantity', message: 'must be an integer' }]);
      expect((await service.getProductInventory(TENANT_A, { lookup: { kind: 'sku', key: 'W-1', qualifier: '' }, withBalance: false })).localQuantity).toBe(9);
    });

    it('when items name products by source id or supplier code, the qualifier comes from the item or the request', async () => {
      const bySource = await bulk([{ sourceId: 'e-1', quantity: 4 }, { sourceId: 'e-1', source: 'shop', quantity: 4 }], 'sourceId', 'local', 'erp');
      expect(bySource.map((result) => (result.success ? result.action : result.error.code))).toEqual(['create', 'PRODUCT_NOT_FOUND']);
      const bySupplier = await bulk([{ supplierCode: 'AC-1', supplier: 'Acme', quantity: 6 }], 'supplierCode', 'supplier');
      expect(bySupplier[0]?.success).toBe(true);
      const record = await service.getInventory(TENANT_A, bySupplier[0]?.success ? bySupplier[0].id : 0);
      expect([record.supplier, record.supplierCode, record.sku]).toEqual(['Acme', 'AC-1', 'W-1']);
    });

    it("when a supplier item gives no supplier, the product's supplier is used, and one without any fails", async () => {
      const results = await bulk([{ productId: 1, quantity: 1 }, { productId: 2, quantity: 1 }], 'id', 'supplier');
      expect(results[0]?.success).toBe(true);
      expect(results[1]?.success === false && results[1].error.details).toEqual([{ path: 'supplier', message: 'is required: the product has no supplier' }]);
    });

    it('when a lookup is ambiguous or missing, reads answer the matching error', async () => {
      await expectCode(service.getProductInventory(TENANT_A, { lookup: { kind: 'sku', key: 'DUP', qualifier: '' }, withBalance: false }), 'PRODUCT_MULTIPLE_FOUND');
      await expectCode(service.getProductInventory(TENANT_A, { lookup: { kind: 'sku', key: 'missing', qualifier: '' }, withBalance: false }), 'PRODUCT_NOT_FOUND');
      await expectCode(service.getProductInventory(TENANT_B, { lookup: { kind: 'id', key: '1', qualifier: '' }, withBalance: false }), 'PRODUCT_NOT_FOUND');
      await expectCode(service.getProductInventory(TENANT_A, { lookup: { kind: 'sourceId', key: 'e-1', qualifier: '' }, withBalance: false }), 'VALIDATION_FAILED');
    });

    it('when another tenant bulk-upserts onto our products, their items fail as unknown products', async () => {
      const results = await service.bulkUpsertInventory(TENANT_B, { kind: 'id', type: 'local', items: [{ productId: 1, quantity: 5 }] });
      expect(results[0]?.success === false && results[0].error.code).toBe('PRODUCT_NOT_FOUND');
      expect((await service.getProductInventory(TENANT_A, { lookup: { kind: 'id', key: '1', qualifier: '' }, withBalance: false })).totalQuantity).toBe(0);
    });

    it('when a product still has inventory, it cannot be deleted', async () => {
      await bulk([{ sku: 'W-1', quantity: 1 }]);
      await expectCode(service.deleteProduct(TENANT_A, 1), 'PRODUCT_HAS_INVENTORY');
      // The refused delete is rolled back whole: the product keeps its sources.
      expect(await db.stores.products.get(TENANT_A, 1)).toMatchObject({ sku: 'W-1', sources: [{ source: 'erp', sourceId: 'e-1' }] });
      await expectCode(service.deleteProduct(TENANT_B, 1), 'PRODUCT_NOT_FOUND');
      expect((await service.deleteProduct(TENANT_A, 2)).id).toBe(2);
      await expectCode(service.deleteProduct(TENANT_A, 2), 'PRODUCT_NOT_FOUND');
    });

    it('when a product is deleted after the items naming it were resolved, only they fail as unknown and nothing of it is written', async () => {
      const racing = serviceOver({ ...db, stores: { ...db.stores, products: deletingAfterResolve(db, 2) } });
      const results = await racing.bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items: [{ productId: 2, quantity: 1 }, { productId: 1, quantity: 2 }, { productId: 2, quantity: 3, warehouseId: 1 }] });
      expect(results.map((result) => (result.success ? result.action : result.error.code))).toEqual(['PRODUCT_NOT_FOUND', 'create', 'PRODUCT_NOT_FOUND']);
      expect(results[0]?.success === false && results[0].error.message).toBe('Product with id 2 not found');
      expect(await db.stores.inventory.countForProduct(TENANT_A, 2)).toBe(0);
      expect((await service.getProductInventory(TENANT_A, { lookup: { kind: 'id', key: '1', qualifier: '' }, withBalance: false })).localQuantity).toBe(2);

      const creating = serviceOver({ ...db, stores: { ...db.stores, products: deletingAfterResolve(db, 3) } });
      await expectCode(creating.createInventory(TENANT_A, { lookup: { kind: 'id', key: '3', qualifier: '' }, type: 'local', fields: { quantity: 1 } }), 'PRODUCT_NOT_FOUND');
      expect(await db.stores.inventory.countForProduct(TENANT_A, 3)).toBe(0);
    });

    it('when product items claim a source another product owns, only those items fail', async () => {
      const results = await service.putProducts(TENANT_A, [
        { id: 10, sources: [{ source: 'erp', sourceId: 'e-1' }] },
        { id: 11, sku: 'fine' },
        { id: 1, sku: 'W-1b', sources: [{ source: 'erp', sourceId: 'e-1' }] },
      ]);
      expect(results.map((result) => (result.success ? result.action : result.error.code))).toEqual(['PRODUCT_SOURCE_CONFLICT', 'create', 'update']);
      expect((await service.getProduct(TENANT_A, { kind: 'sourceId', key: 'e-1', qualifier: 'erp' })).sku).toBe('W-1b');
    });
  });
}

/** The directory of `db`, deleting product `id` right after each resolve: a delete landing between a write's lookup and its transaction. */
function deletingAfterResolve(db: PersistenceAdapters, id: number): ProductDirectory {
  const products = db.stores.products;
  return {
    get: (tenant, productId) => products.get(tenant, productId),
    resolve: async (tenant, kind, lookups) => {
      const found = await products.resolve(tenant, kind, lookups);
      await db.unitOfWork.run((stores) => stores.products.delete(tenant, id));
      return found;
    },
    sourceOwners: (tenant, sources) => products.sourceOwners(tenant, sources),
    holdExisting: (tenant, ids) => products.holdExisting(tenant, ids),
    putMany: (tenant, list) => products.putMany(tenant, list),
    delete: (tenant, productId) => products.delete(tenant, productId),
  };
}
