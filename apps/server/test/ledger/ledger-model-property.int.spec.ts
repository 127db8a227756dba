import type { RecordJson } from '@inventory/http-rest';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from '../support/api-client.js';
import { balanceOf, bulkUpsert, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import type { TenantClients } from '../support/e2e-server.js';
import { adjust, allMovements, anAdjustment, ledgerSums } from '../support/ledger-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';

const TENANTS = 2;
const PRODUCTS = [1, 2];

/** A record by its identity within a tenant: product and warehouse (local stock, no location or company). */
interface Slot {
  readonly product: number;
  readonly warehouse: number;
}

type Op =
  | { readonly kind: 'bulk'; readonly tenant: number; readonly items: readonly (Slot & { readonly quantity: number })[] }
  | { readonly kind: 'patch'; readonly tenant: number; readonly slot: Slot; readonly quantity: number | undefined }
  | { readonly kind: 'adjust'; readonly tenant: number; readonly items: readonly (Slot & { readonly delta: number; readonly allowNegative: boolean })[] }
  | { readonly kind: 'delete'; readonly tenant: number; readonly slot: Slot };

const tenant = fc.nat(TENANTS - 1);
const slot: fc.Arbitrary<Slot> = fc.record({ product: fc.constantFrom(...PRODUCTS), warehouse: fc.nat(1) });
const quantity = fc.integer({ min: -5, max: 20 });
const delta = fc.integer({ min: -15, max: 15 }).filter((value) => value !== 0);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('bulk' as const), tenant, items: fc.array(fc.record({ product: slot.map((s) => s.product), warehouse: fc.nat(1), quantity }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('patch' as const), tenant, slot, quantity: fc.option(quantity, { nil: undefined }) }),
  { arbitrary: fc.record({ kind: fc.constant('adjust' as const), tenant, items: fc.array(fc.record({ product: fc.constantFrom(...PRODUCTS), warehouse: fc.nat(1), delta, allowNegative: fc.boolean() }), { minLength: 1, maxLength: 4 }) }), weight: 2 },
  fc.record({ kind: fc.constant('delete' as const), tenant, slot }),
);

interface ModelRecord {
  readonly id: number;
  quantity: number;
}

/** Each tenant's records by slot, as the model says they are. */
class Model {
  private readonly tenants = Array.from({ length: TENANTS }, () => new Map<string, ModelRecord>());

  of(tenant: number): Map<string, ModelRecord> {
    const records = this.tenants[tenant];
    if (records === undefined) throw new Error('no tenant');
    return records;
  }
}

const slotKey = ({ product, warehouse }: Slot): string => `${product}/${warehouse}`;

describeE2e('the ledger against a model', (server) => {
  async function apply(clients: readonly TenantClients[], model: Model, next: Op): Promise<void> {
    const api = clients[next.tenant]?.writer;
    if (api === undefined) throw new Error('no tenant');
    const records = model.of(next.tenant);
    switch (next.kind) {
      case 'bulk': {
        const response = await bulkUpsert(api, 'id/local', next.items.map((item) => anItem().forProduct(item.product).inWarehouse(item.warehouse).withQuantity(item.quantity).json()));
        expect(response.status).toBe(200);
        response.body.data.forEach((result, index) => {
          const item = next.items[index];
          if (item === undefined || result.id === undefined) throw new Error(`bulk item ${index} failed: ${JSON.stringify(result)}`);
          const existing = records.get(slotKey(item));
          if (existing !== undefined) expect(result.id).toBe(existing.id);
          records.set(slotKey(item), { id: result.id, quantity: item.quantity });
        });
        return;
      }
      case 'patch': {
        const record = records.get(slotKey(next.slot));
        if (record === undefined) return;
        const response = await api.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${record.id}`, next.quantity === undefined ? { notes: `n${record.quantity}` } : { quantity: next.quantity });
        expect(response.status).toBe(200);
        if (next.quantity !== undefined) record.quantity = next.quantity;
        return;
      }
      case 'adjust': {
        const response = await adjust(api, 'id/local', next.items.map((item) => anAdjustment(item.delta).forProduct(item.product).inWarehouse(item.warehouse).with({ allowNegative: item.allowNegative }).json()));
        expect(response.status).toBe(200);
        response.body.data.forEach((result, index) => {
          const item = next.items[index];
          if (item === undefined) throw new Error('no item');
          const existing = records.get(slotKey(item));
          const after = (existing?.quantity ?? 0) + item.delta;
          const refused = existing === undefined ? item.delta < 0 : after < 0 && !item.allowNegative;
          if (refused) {
            expect(result.error?.type, JSON.stringify(result)).toBe('InsufficientStock');
            return;
          }
          expect(result, JSON.stringify(result)).toMatchObject({ success: true, action: existing === undefined ? 'create' : 'update', quantity: after });
          records.set(slotKey(item), { id: result.id ?? 0, quantity: after });
        });
        return;
      }
      case 'delete': {
        const record = records.get(slotKey(next.slot));
        if (record === undefined) return;
        expect((await api.delete(`/v2/inventory/id/${record.id}`)).status).toBe(200);
        records.delete(slotKey(next.slot));
        return;
      }
    }
  }

  /** Each tenant's records equal the model, and every record's movements (read through the API) sum to its quantity. */
  async function expectAgreement(clients: readonly TenantClients[], model: Model, deleted: ReadonlySet<number>): Promise<void> {
    for (const [index, client] of clients.entries()) {
      const records = model.of(index);
      const stored = (await Promise.all(PRODUCTS.map((product) => balanceOf(client.reader, product)))).flat();
      expect(stored.map((record) => [slotKey({ product: record.productId, warehouse: record.warehouseId }), record.id, record.quantity]).sort()).toEqual([...records].map(([key, record]) => [key, record.id, record.quantity]).sort());
      const sums = ledgerSums(await allMovements(client.reader));
      for (const record of stored) expect(sums.get(record.id) ?? 0, `record ${record.id}`).toBe(record.quantity);
      for (const id of deleted) if (sums.has(id)) expect(sums.get(id), `deleted record ${id}`).toBe(0);
      expect([...sums.keys()].every((id) => stored.some((record) => record.id === id) || deleted.has(id))).toBe(true);
    }
  }

  it('after random bulk sets, PATCHes, adjustments and deletes in two tenants, the ledger sums to every quantity and the model agrees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 12 }), async (ops) => {
        const clients = Array.from({ length: TENANTS }, () => server().tenant());
        for (const client of clients) await registerProducts(client.writer, ...PRODUCTS.map((id) => aProduct(id)));
        const model = new Model();
        const deleted = new Set<number>();
        for (const next of ops) {
          if (next.kind === 'delete') {
            const gone = model.of(next.tenant).get(slotKey(next.slot));
            if (gone !== undefined) deleted.add(gone.id);
          }
          await apply(clients, model, next);
          await expectAgreement(clients, model, deleted);
        }
      }),
      { numRuns: 6 },
    );
  });
});
