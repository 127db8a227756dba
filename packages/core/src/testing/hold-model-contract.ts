import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clocks/manual-clock.js';
import type { InventoryService } from '../use-cases/inventory-service.js';
import { expireHolds } from '../use-cases/expire-holds.js';
import { aProduct, TENANT_A } from './builders.js';
import { HOLD_START, holdLine, holdOf } from './hold-contract.js';
import { settle } from './model-based-contract.js';
import type { PersistenceFixture } from './persistence-fixture.js';
import { serviceOver } from './service-over.js';

interface ModelLine {
  productId: number;
  warehouseId: number | null;
  quantity: number;
}
interface ModelHold {
  id: string;
  state: 'active' | 'committed' | 'released';
  expiresAtMs: number;
  lines: ModelLine[];
}
type Operation =
  | { op: 'create'; lines: ModelLine[]; expiresIn: number }
  | { op: 'commit' | 'release'; target: number }
  | { op: 'extend'; target: number; expiresIn: number }
  | { op: 'advance'; seconds: number }
  | { op: 'expire' }
  | { op: 'stock'; productId: number; warehouseId: number; quantity: number };

const PRODUCTS = [1, 2];
const WAREHOUSES = [1, 2];
const lineArb = fc.record({ productId: fc.constantFrom(...PRODUCTS), warehouseId: fc.constantFrom(null, ...WAREHOUSES), quantity: fc.integer({ min: 1, max: 6 }) });
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }), expiresIn: fc.integer({ min: 1, max: 20 }) }) },
  fc.record({ op: fc.constantFrom('commit' as const, 'release' as const), target: fc.nat({ max: 30 }) }),
  fc.record({ op: fc.constant('extend' as const), target: fc.nat({ max: 30 }), expiresIn: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ op: fc.constant('expire' as const) }),
  fc.record({ op: fc.constant('stock' as const), productId: fc.constantFrom(...PRODUCTS), warehouseId: fc.constantFrom(...WAREHOUSES), quantity: fc.integer({ min: -3, max: 12 }) }),
);

/**
 * Random create / commit / release / extend / clock moves / sweeps / stock changes against a plain
 * model with an injected clock; after every step, held and available quantities of every product
 * and warehouse scope must equal the model's.
 */
export function describeHoldModelContract(name: string, fixture: PersistenceFixture, numRuns = 25): void {
  describe(`hold model sequences: ${name}`, () => {
    it('when random hold operations run against a clock, availability always equals the model', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 30 }), async (operations) => {
          const db = await fixture.create();
          try {
            const clock = new ManualClock(HOLD_START);
            const service = serviceOver(db, clock);
            await db.unitOfWork.run((stores) => stores.products.putMany(TENANT_A, PRODUCTS.map((id) => aProduct(id).build())));
            const stock = new Map<string, { id: number; quantity: number }>();
            const holds: ModelHold[] = [];
            for (const operation of operations) {
              await apply(service, clock, operation, stock, holds, () => expireHolds({ holds: db.holds, clock }));
              await expectAvailability(service, clock, stock, holds);
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

const scopeKey = (productId: number, warehouseId: number): string => `${productId}/${warehouseId}`;
const nowMs = (clock: ManualClock): number => Date.parse(clock.now());
const counts = (hold: ModelHold, clock: ManualClock): boolean => hold.state === 'active' && hold.expiresAtMs > nowMs(clock);

function figures(stock: Map<string, { id: number; quantity: number }>, holds: ModelHold[], clock: ManualClock, productId: number, warehouseId: number | null): { held: number; available: number } {
  let total = 0;
  for (const w of WAREHOUSES) if (warehouseId === null || w === warehouseId) total += stock.get(scopeKey(productId, w))?.quantity ?? 0;
  let held = 0;
  for (const hold of holds) {
    if (!counts(hold, clock)) continue;
    for (const line of hold.lines) if (line.productId === productId && (warehouseId === null || line.warehouseId === warehouseId)) held += line.quantity;
  }
  return { held, available: total - held };
}

async function apply(service: InventoryService, clock: ManualClock, operation: Operation, stock: Map<string, { id: number; quantity: number }>, holds: ModelHold[], sweep: () => Promise<number>): Promise<void> {
  const target = (index: number): ModelHold | undefined => holds[index % Math.max(holds.length, 1)];
  switch (operation.op) {
    case 'create': {
      const asked = new Map<string, number>();
      for (const line of operation.lines) {
        for (const scope of [`${line.productId}/*`, ...(line.warehouseId === null ? [] : [scopeKey(line.productId, line.warehouseId)])]) asked.set(scope, (asked.get(scope) ?? 0) + line.quantity);
      }
      const fits = operation.lines.every(
        (line) =>
          (asked.get(`${line.productId}/*`) ?? 0) <= figures(stock, holds, clock, line.productId, null).available &&
          (line.warehouseId === null || (asked.get(scopeKey(line.productId, line.warehouseId)) ?? 0) <= figures(stock, holds, clock, line.productId, line.warehouseId).available),
      );
      const outcome = await settle(service.createHold(TENANT_A, holdOf('model', operation.lines.map((line) => holdLine(line.productId, line.quantity, line.warehouseId ?? undefined)), operation.expiresIn)));
      if (!fits) {
        expect(outcome).toBe('INSUFFICIENT_STOCK');
        return;
      }
      if (typeof outcome === 'string') throw new Error(`hold refused: ${outcome}`);
      holds.push({ id: outcome.id, state: 'active', expiresAtMs: nowMs(clock) + operation.expiresIn * 1000, lines: operation.lines });
      return;
    }
    case 'commit':
    case 'release':
    case 'extend': {
      const hold = target(operation.target);
      if (hold === undefined) return;
      const active = counts(hold, clock);
      const call = operation.op === 'extend' ? service.extendHold(TENANT_A, hold.id, operation.expiresIn) : operation.op === 'commit' ? service.commitHold(TENANT_A, hold.id) : service.releaseHold(TENANT_A, hold.id);
      const outcome = await settle(call);
      if (!active) {
        expect(outcome).toBe('HOLD_NOT_ACTIVE');
        return;
      }
      expect(typeof outcome).toBe('object');
      if (operation.op === 'extend') hold.expiresAtMs = nowMs(clock) + operation.expiresIn * 1000;
      else hold.state = operation.op === 'commit' ? 'committed' : 'released';
      if (operation.op === 'commit') for (const line of hold.lines) commitLine(stock, line);
      return;
    }
    case 'advance':
      clock.advance(operation.seconds * 1000);
      return;
    case 'expire':
      await sweep();
      return;
    case 'stock': {
      const [result] = await service.bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items: [{ productId: operation.productId, warehouseId: operation.warehouseId, quantity: operation.quantity }] });
      if (result?.success !== true) throw new Error('stock write failed');
      stock.set(scopeKey(operation.productId, operation.warehouseId), { id: result.id, quantity: operation.quantity });
    }
  }
}

/** The commit rule over the model's one local record per warehouse: id order, down to zero, the rest from the last. */
function commitLine(stock: Map<string, { id: number; quantity: number }>, line: ModelLine): void {
  const scope = WAREHOUSES.filter((w) => line.warehouseId === null || w === line.warehouseId)
    .map((w) => stock.get(scopeKey(line.productId, w)))
    .filter((record) => record !== undefined)
    .sort((a, b) => a.id - b.id);
  let left = line.quantity;
  for (const record of scope) {
    const take = Math.min(Math.max(record.quantity, 0), left);
    record.quantity -= take;
    left -= take;
  }
  const last = scope.at(-1);
  if (last !== undefined) last.quantity -= left;
}

async function expectAvailability(service: InventoryService, clock: ManualClock, stock: Map<string, { id: number; quantity: number }>, holds: ModelHold[]): Promise<void> {
  for (const productId of PRODUCTS) {
    for (const warehouseId of [null, ...WAREHOUSES]) {
      const aggregate = await service.getProductInventory(TENANT_A, { lookup: { kind: 'id', key: String(productId), qualifier: '' }, withBalance: false, ...(warehouseId !== null && { warehouseId }) });
      const expected = figures(stock, holds, clock, productId, warehouseId);
      expect({ productId, warehouseId, held: aggregate.heldQuantity, available: aggregate.availableQuantity }).toEqual({ productId, warehouseId, ...expected });
    }
  }
}
