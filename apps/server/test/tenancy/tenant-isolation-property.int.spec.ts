import type { AggregateJson, RecordJson } from '@inventory/http-rest';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { AnyEnvelope } from '../support/api-client.js';
import { bulkUpsert, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import type { TenantClients } from '../support/e2e-server.js';
import { aProduct, anItem } from '../support/request-builders.js';

const TENANTS = 3;
const PRODUCTS = [1, 2, 3];

type Op =
  | { readonly kind: 'upsert'; readonly tenant: number; readonly product: number; readonly warehouse: number; readonly quantity: number }
  | { readonly kind: 'patch'; readonly tenant: number; readonly pick: number; readonly quantity: number }
  | { readonly kind: 'delete' | 'get'; readonly tenant: number; readonly pick: number }
  | { readonly kind: 'search'; readonly tenant: number }
  | { readonly kind: 'aggregate'; readonly tenant: number; readonly product: number };

const tenant = fc.nat(TENANTS - 1);
const quantity = fc.integer({ min: -50, max: 500 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('upsert' as const), tenant, product: fc.constantFrom(...PRODUCTS), warehouse: fc.nat(2), quantity }), weight: 4 },
  fc.record({ kind: fc.constant('patch' as const), tenant, pick: fc.nat(), quantity }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'get' as const), tenant, pick: fc.nat() }),
  fc.record({ kind: fc.constant('search' as const), tenant }),
  fc.record({ kind: fc.constant('aggregate' as const), tenant, product: fc.constantFrom(...PRODUCTS) }),
);

interface ModelRecord {
  readonly tenant: number;
  readonly product: number;
  readonly warehouse: number;
  quantity: number;
}

/** Every tenant's records as the model says they are, and every id ever handed out (deleted ones too). */
class Model {
  readonly records = new Map<number, ModelRecord>();
  readonly ids: number[] = [];

  pick(pick: number): number {
    return this.ids.length === 0 ? 999_999 : (this.ids[pick % this.ids.length] ?? 999_999);
  }
  owned(id: number, tenant: number): ModelRecord | undefined {
    const record = this.records.get(id);
    return record?.tenant === tenant ? record : undefined;
  }
  ofTenant(tenant: number): [number, ModelRecord][] {
    return [...this.records].filter(([, record]) => record.tenant === tenant);
  }
}

describeE2e('tenant isolation under random interleavings', (server) => {
  /** Runs one op against the server and the model, checking the answer holds the caller's rows only. */
  async function apply(clients: readonly TenantClients[], model: Model, next: Op): Promise<void> {
    const api = clients[next.tenant]?.writer;
    if (api === undefined) throw new Error('no tenant');
    switch (next.kind) {
      case 'upsert': {
        const existing = model.ofTenant(next.tenant).find(([, record]) => record.product === next.product && record.warehouse === next.warehouse);
        const response = await bulkUpsert(api, 'id/local', [anItem().forProduct(next.product).inWarehouse(next.warehouse).withQuantity(next.quantity).json()]);
        const [result] = response.body.data;
        expect(result).toMatchObject({ success: true, action: existing === undefined ? 'create' : 'update' });
        const id = result?.id ?? 0;
        if (existing !== undefined) expect(id).toBe(existing[0]);
        else model.ids.push(id);
        model.records.set(id, { tenant: next.tenant, product: next.product, warehouse: next.warehouse, quantity: next.quantity });
        return;
      }
      case 'get':
      case 'patch':
      case 'delete': {
        const id = model.pick(next.pick);
        const mine = model.owned(id, next.tenant);
        const path = `/v2/inventory/id/${id}`;
        const response =
          next.kind === 'get' ? await api.get<AnyEnvelope<RecordJson>>(path) : next.kind === 'patch' ? await api.patch<AnyEnvelope<RecordJson>>(path, { quantity: next.quantity }) : await api.delete<AnyEnvelope<RecordJson>>(path);
        if (mine === undefined) {
          expect(response.status).toBe(404);
          expect(response.body.error?.type).toBe('InventoryNotFound');
          return;
        }
        expect(response.status).toBe(200);
        if (next.kind === 'delete') model.records.delete(id);
        if (next.kind === 'patch') mine.quantity = next.quantity;
        if (next.kind !== 'delete') expect(response.body.data).toMatchObject({ id, productId: mine.product, warehouseId: mine.warehouse, quantity: mine.quantity });
        return;
      }
      case 'search': {
        const response = await api.post<AnyEnvelope<AggregateJson[]>>('/v2/inventory/search?expands=inventoryBalance&offset=100', {});
        expectBalances(response.body.data, model.ofTenant(next.tenant));
        return;
      }
      case 'aggregate': {
        const response = await api.get<AnyEnvelope<AggregateJson[]>>(`/v2/products/id/${next.product}/inventory?expands=inventoryBalance`);
        expectBalances(response.body.data, model.ofTenant(next.tenant).filter(([, record]) => record.product === next.product), [next.product]);
        return;
      }
    }
  }

  /** The aggregates list exactly the tenant's records, with the model's quantities and sums. */
  function expectBalances(aggregates: readonly AggregateJson[], own: [number, ModelRecord][], products?: readonly number[]): void {
    const expectedProducts = products ?? [...new Set(own.map(([, record]) => record.product))].sort((a, b) => a - b);
    expect(aggregates.map((aggregate) => aggregate.productId)).toEqual(expectedProducts);
    const seen = aggregates.flatMap((aggregate) => (aggregate.balance ?? []).map((record) => [record.id, record.quantity]));
    expect(seen.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(own.map(([id, record]) => [id, record.quantity]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)));
    for (const aggregate of aggregates) {
      const sum = own.filter(([, record]) => record.product === aggregate.productId).reduce((total, [, record]) => total + record.quantity, 0);
      expect(aggregate.localQuantity).toBe(sum);
    }
  }

  it('random writes and reads of three tenants over the same product ids never show a foreign row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const clients = Array.from({ length: TENANTS }, () => server().tenant());
        for (const client of clients) await registerProducts(client.writer, ...PRODUCTS.map((id) => aProduct(id)));
        const model = new Model();
        for (const next of ops) await apply(clients, model, next);
      }),
      { numRuns: 15 },
    );
  });
});
