import { expect, it } from 'vitest';
import { balanceOf, registerProducts } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { errorCodes, graphql } from '../support/graphql-steps.js';
import { allMovements } from '../support/ledger-steps.js';
import { aProduct } from '../support/request-builders.js';

interface AdjustAnswer {
  readonly inventoryAdjust: { readonly total: number; readonly items: readonly { success: boolean; action: string | null; quantity: number | null; version: number | null; movementId: number | null; key: string | null; error: { code: string; details: { path: string }[] } | null }[] };
}
interface MovementsAnswer {
  readonly inventoryMovements: { readonly total: number; readonly next: number | null; readonly items: readonly { id: number; delta: number; quantityAfter: number; reason: string; reference: string; channel: string; clientId: string; createdAt: string }[] };
}

const ADJUST = `mutation Adjust($items: [AdjustmentItemInput!]!, $atomic: Boolean) {
  inventoryAdjust(lookupKey: sku, type: local, items: $items, atomic: $atomic) {
    total items { success action quantity version movementId key error { code details { path } } }
  }
}`;
const MOVEMENTS = `query Movements($filter: MovementFilter, $after: Int, $limit: Int) {
  inventoryMovements(filter: $filter, after: $after, limit: $limit) { total next items { id delta quantityAfter reason reference channel clientId createdAt } }
}`;

describeE2e('the ledger over GraphQL', (server) => {
  const widget = aProduct(1).withSku('W-1');

  it('inventoryAdjust mirrors REST: per-item results, InsufficientStock per item, and atomic all or nothing', async () => {
    const { name, writer } = server().tenant();
    await registerProducts(writer, widget);
    const answer = await graphql<AdjustAnswer>(writer, ADJUST, {
      items: [
        { sku: 'W-1', delta: 6, reason: 'receipt', reference: 'PO-9' },
        { sku: 'W-1', delta: -8, reason: 'sale' },
        { sku: 'W-1', delta: -8, reason: 'sale', allowNegative: true },
      ],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.inventoryAdjust.items.map((item) => [item.success, item.action, item.quantity, item.version, item.error?.code ?? null])).toEqual([
      [true, 'create', 6, 1, null],
      [false, null, null, null, 'INSUFFICIENT_STOCK'],
      [true, 'update', -2, 2, null],
    ]);

    const atomic = await graphql<AdjustAnswer>(writer, ADJUST, { atomic: true, items: [{ sku: 'W-1', delta: 5, reason: 'return' }, { sku: 'NOPE', delta: 1, reason: 'receipt' }] });
    expect(errorCodes(atomic)).toEqual(['PRODUCT_NOT_FOUND']);
    expect((await balanceOf(writer, 1)).map((record) => record.quantity)).toEqual([-2]);

    const movements = await graphql<MovementsAnswer>(writer, MOVEMENTS, { filter: { productId: 1 } });
    expect(movements.data?.inventoryMovements).toMatchObject({
      total: 2,
      next: null,
      items: [
        { delta: 6, quantityAfter: 6, reason: 'receipt', reference: 'PO-9', channel: 'graphql', clientId: `${name}:read+write`, createdAt: '2025-06-15T10:00:00.000Z' },
        { delta: -8, quantityAfter: -2, reason: 'sale', reference: '', channel: 'graphql' },
      ],
    });
  });

  it('inventoryMovements filters and pages like REST, and refuses a limit outside 1…1000', async () => {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget);
    await graphql<AdjustAnswer>(writer, ADJUST, { items: [1, 2, 3, -1, -2].map((delta) => ({ sku: 'W-1', delta, reason: delta > 0 ? 'receipt' : 'sale' })) });
    const rest = await allMovements(reader);

    const ids: number[] = [];
    let after: number | null = null;
    do {
      const page: MovementsAnswer['inventoryMovements'] | undefined = (await graphql<MovementsAnswer>(reader, MOVEMENTS, { limit: 2, after })).data?.inventoryMovements;
      ids.push(...(page?.items.map((item) => item.id) ?? []));
      after = page?.next ?? null;
    } while (after !== null);
    expect(ids).toEqual(rest.map((movement) => movement.id));

    const sales = await graphql<MovementsAnswer>(reader, MOVEMENTS, { filter: { reason: 'sale', from: '2025-06-15', to: '2025-06-16' } });
    expect(sales.data?.inventoryMovements.items.map((item) => item.delta)).toEqual([-1, -2]);
    for (const limit of [0, 1001]) expect(errorCodes(await graphql(reader, MOVEMENTS, { limit }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await graphql(reader, ADJUST, { items: [{ sku: 'W-1', delta: 1, reason: 'receipt' }] }))).toEqual(['FORBIDDEN']);
  });
});
