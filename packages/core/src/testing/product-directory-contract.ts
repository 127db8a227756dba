import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookupString, type ProductLookup } from '../domain/lookup-key.js';
import type { PersistenceAdapters } from '../ports/persistence.js';
import { aProduct, decimal, TENANT_A, TENANT_B } from './builders.js';
import { expectCode } from './inventory-repository-contract.js';
import type { PersistenceFixture } from './persistence-fixture.js';

/** The behaviour every `ProductDirectory` must share with the in-memory reference. */
export function describeProductDirectoryContract(name: string, fixture: PersistenceFixture): void {
  describe(`ProductDirectory contract: ${name}`, () => {
    let db: PersistenceAdapters;
    beforeEach(async () => {
      db = await fixture.create();
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });
    const put = (tenant: typeof TENANT_A, ...products: ReturnType<ReturnType<typeof aProduct>['build']>[]) =>
      db.unitOfWork.run((stores) => stores.products.putMany(tenant, products));
    const resolve = async (tenant: typeof TENANT_A, lookup: ProductLookup) =>
      (await db.stores.products.resolve(tenant, lookup.kind, [lookup])).get(lookupString(lookup))?.map((product) => product.id) ?? [];

    it('when products are put, new ones are reported created and read back exactly', async () => {
      const widget = aProduct(1).withSku('W-1').suppliedBy('Acme', 'AC-1').costing('12345.67891').withSource('erp', 'e-1').withSource('shop', 's-1').build();
      expect([...(await put(TENANT_A, widget, aProduct(2).build()))].sort()).toEqual([1, 2]);
      expect(await db.stores.products.get(TENANT_A, 1)).toEqual(widget);
      expect((await db.stores.products.get(TENANT_A, 1))?.costPrice).toBe(decimal('12345.67891'));
    });

    it('when a product is put again, it is replaced whole and sources left out are removed', async () => {
      await put(TENANT_A, aProduct(1).withSku('OLD').withSource('erp', 'e-1').withSource('shop', 's-1').build());
      const replacement = aProduct(1).withSku('NEW').withSource('shop', 's-1').build();
      expect((await put(TENANT_A, replacement)).size).toBe(0);
      expect(await db.stores.products.get(TENANT_A, 1)).toEqual(replacement);
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'e-1', qualifier: 'erp' })).toEqual([]);
    });

    it('when looking up by each key kind, the matching product is found', async () => {
      await put(TENANT_A, aProduct(5).withSku('W-5').suppliedBy('Acme', 'AC-5').withSource('erp', 'e-5').build());
      expect(await resolve(TENANT_A, { kind: 'id', key: '5', qualifier: '' })).toEqual([5]);
      expect(await resolve(TENANT_A, { kind: 'sku', key: 'W-5', qualifier: '' })).toEqual([5]);
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'e-5', qualifier: 'erp' })).toEqual([5]);
      expect(await resolve(TENANT_A, { kind: 'supplierCode', key: 'AC-5', qualifier: 'Acme' })).toEqual([5]);
    });

    it('when a lookup matches nothing, or matches under another qualifier or case, it finds nothing', async () => {
      await put(TENANT_A, aProduct(5).withSku('W-5').suppliedBy('Acme', 'AC-5').withSource('erp', 'e-5').build());
      expect(await resolve(TENANT_A, { kind: 'id', key: '6', qualifier: '' })).toEqual([]);
      expect(await resolve(TENANT_A, { kind: 'sku', key: 'w-5', qualifier: '' })).toEqual([]);
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'e-5', qualifier: 'shop' })).toEqual([]);
      expect(await resolve(TENANT_A, { kind: 'supplierCode', key: 'AC-5', qualifier: 'Other' })).toEqual([]);
    });

    it('when several products share a sku, the lookup returns all of them in id order', async () => {
      await put(TENANT_A, aProduct(9).withSku('SAME').build(), aProduct(3).withSku('SAME').build());
      expect(await resolve(TENANT_A, { kind: 'sku', key: 'SAME', qualifier: '' })).toEqual([3, 9]);
    });

    it('when many lookups are resolved at once, each gets its own matches', async () => {
      await put(TENANT_A, ...Array.from({ length: 300 }, (_, index) => aProduct(index + 1).withSku(`S-${index + 1}`).build()));
      const lookups = Array.from({ length: 310 }, (_, index): ProductLookup => ({ kind: 'sku', key: `S-${index + 1}`, qualifier: '' }));
      const found = await db.stores.products.resolve(TENANT_A, 'sku', lookups);
      expect(found.get(lookupString({ key: 'S-300', qualifier: '' }))?.map((product) => product.id)).toEqual([300]);
      expect(found.get(lookupString({ key: 'S-301', qualifier: '' })) ?? []).toEqual([]);
      expect(lookups.slice(0, 300).every((lookup) => found.get(lookupString(lookup))?.length === 1)).toBe(true);
    });

    it("when another tenant looks up, gets or deletes a product, it does not exist for them", async () => {
      await put(TENANT_A, aProduct(5).withSku('W-5').withSource('erp', 'e-5').build());
      expect(await db.stores.products.get(TENANT_B, 5)).toBeUndefined();
      expect(await resolve(TENANT_B, { kind: 'id', key: '5', qualifier: '' })).toEqual([]);
      expect(await resolve(TENANT_B, { kind: 'sku', key: 'W-5', qualifier: '' })).toEqual([]);
      expect(await resolve(TENANT_B, { kind: 'sourceId', key: 'e-5', qualifier: 'erp' })).toEqual([]);
      expect((await db.stores.products.sourceOwners(TENANT_B, [{ source: 'erp', sourceId: 'e-5' }])).size).toBe(0);
      expect(await db.stores.products.delete(TENANT_B, 5)).toBe(false);
      expect(await db.stores.products.get(TENANT_A, 5)).toBeDefined();
    });

    it('when two tenants use the same source pair, both may own it', async () => {
      await put(TENANT_A, aProduct(1).withSource('erp', 'x').build());
      await put(TENANT_B, aProduct(2).withSource('erp', 'x').build());
      expect(await resolve(TENANT_B, { kind: 'sourceId', key: 'x', qualifier: 'erp' })).toEqual([2]);
    });

    it('when asked who owns sources, it names the owning product of each', async () => {
      await put(TENANT_A, aProduct(1).withSource('erp', 'a').build(), aProduct(2).withSource('erp', 'b').build());
      const owners = await db.stores.products.sourceOwners(TENANT_A, [{ source: 'erp', sourceId: 'a' }, { source: 'erp', sourceId: 'b' }, { source: 'erp', sourceId: 'c' }]);
      expect(owners.size).toBe(2);
      expect([...owners.values()].sort()).toEqual([1, 2]);
    });

    it('when a put gives a source that another product owns, it is a conflict and nothing is written', async () => {
      await put(TENANT_A, aProduct(1).withSource('erp', 'a').build());
      await expectCode(put(TENANT_A, aProduct(3).build(), aProduct(2).withSource('erp', 'a').build()), 'PRODUCT_SOURCE_CONFLICT');
      expect(await db.stores.products.get(TENANT_A, 3)).toBeUndefined();
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'a', qualifier: 'erp' })).toEqual([1]);
    });

    it('when a product is deleted, its sources go with it', async () => {
      await put(TENANT_A, aProduct(1).withSource('erp', 'a').build());
      expect(await db.stores.products.delete(TENANT_A, 1)).toBe(true);
      expect(await db.stores.products.delete(TENANT_A, 1)).toBe(false);
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'a', qualifier: 'erp' })).toEqual([]);
      await put(TENANT_A, aProduct(2).withSource('erp', 'a').build());
      expect(await resolve(TENANT_A, { kind: 'sourceId', key: 'a', qualifier: 'erp' })).toEqual([2]);
    });

    it("when a write holds products, it gets the ids that exist in its own tenant, and deleted ones are gone", async () => {
      await put(TENANT_A, aProduct(1).build(), aProduct(2).build(), aProduct(3).build());
      await put(TENANT_B, aProduct(4).build());
      await db.unitOfWork.run((stores) => stores.products.delete(TENANT_A, 2));
      const held = await db.unitOfWork.run((stores) => stores.products.holdExisting(TENANT_A, [3, 2, 1, 3, 4, 0, -1, 2 ** 40]));
      expect([...held].sort()).toEqual([1, 3]);
      expect((await db.unitOfWork.run((stores) => stores.products.holdExisting(TENANT_A, []))).size).toBe(0);
    });
  });
}
