import { holdAt, holdStatusAt, shortLines, type Hold, type NewHold } from '../domain/hold.js';
import type { IsoInstant } from '../domain/instant.js';
import { pageSlice, type PageRequest } from '../domain/paging.js';
import { aggregateInventory } from '../domain/product-inventory.js';
import { saleSplit } from '../domain/sale-split.js';
import type { TenantId } from '../domain/tenant.js';
import type { HoldChange, HoldFilter, HoldPage, HoldPlacement, HoldStore } from '../ports/hold-store.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { appendMovement } from './memory-movement-ledger.js';
import type { MemoryState } from './memory-state.js';
import { EMBEDDED_ORIGIN, type WriteOrigin } from '../domain/movement.js';

/**
 * Holds in memory. Every change runs through the memory unit of work, which serialises it with
 * every other write (so placement is trivially race-free) and rolls it back with them.
 */
export class MemoryHoldStore implements HoldStore {
  constructor(
    private readonly state: MemoryState,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement> {
    return this.unitOfWork.run((): Promise<HoldPlacement> => {
      const shortages = shortLines(hold.lines, (productId, warehouseId) => this.available(tenant, productId, warehouseId, now));
      if (shortages.length > 0) return Promise.resolve({ status: 'short', shortages });
      const placed: Hold = { id: String(this.state.nextHoldId), reference: hold.reference, status: 'active', expiresAt: hold.expiresAt, createdAt: now, lines: hold.lines };
      this.state.nextHoldId += 1;
      this.state.holds.set(placed.id, { tenant, value: placed });
      return Promise.resolve({ status: 'placed', hold: placed });
    });
  }

  get(tenant: TenantId, id: string): Promise<Hold | undefined> {
    return Promise.resolve(this.state.hold(tenant, id));
  }

  list(tenant: TenantId, filter: HoldFilter, page: PageRequest, now: IsoInstant): Promise<HoldPage> {
    const matching = [...this.state.holdsOf(tenant)]
      .filter((hold) => (filter.reference === undefined || hold.reference === filter.reference) && (filter.status === undefined || holdStatusAt(hold, now) === filter.status))
      .sort((a, b) => Number(b.id) - Number(a.id));
    return Promise.resolve({ items: pageSlice(matching, page), itemsFound: matching.length });
  }

  commit(tenant: TenantId, id: string, now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<HoldChange> {
    return this.change(tenant, id, now, (hold) => {
      this.decrementForSale(tenant, hold, now, origin);
      return { ...hold, status: 'committed' };
    });
  }

  release(tenant: TenantId, id: string, now: IsoInstant): Promise<HoldChange> {
    return this.change(tenant, id, now, (hold) => ({ ...hold, status: 'released' }));
  }

  extend(tenant: TenantId, id: string, expiresAt: IsoInstant, now: IsoInstant): Promise<HoldChange> {
    return this.change(tenant, id, now, (hold) => ({ ...hold, expiresAt }));
  }

  expire(now: IsoInstant): Promise<number> {
    return this.unitOfWork.run(() => {
      let expired = 0;
      for (const [id, { tenant, value }] of this.state.holds) {
        if (holdStatusAt(value, now) === 'expired' && value.status === 'active') {
          this.state.holds.set(id, { tenant, value: holdAt(value, now) });
          expired += 1;
        }
      }
      return Promise.resolve(expired);
    });
  }

  /**
   * The stock decrements of a commit, in one place so that a ledger can record them: per line,
   * the scope's company-free records give up `saleSplit`'s takes, each changed record getting
   * `version` + 1 and `lastModifiedAt` = now.
   */
  private decrementForSale(tenant: TenantId, hold: Hold, now: IsoInstant, origin: WriteOrigin): void {
    for (const line of [...hold.lines].sort((a, b) => a.productId - b.productId)) {
      const scope = [...this.state.recordsOf(tenant)].filter((record) => record.productId === line.productId && record.companyId === 0 && (line.warehouseId === null || record.warehouseId === line.warehouseId));
      for (const { id, take } of saleSplit(scope, line.quantity)) {
        const record = this.state.record(tenant, id);
        if (record === undefined) continue;
        const sold = { ...record, quantity: record.quantity - take, version: record.version + 1, lastModifiedAt: now };
        this.state.records.set(id, { tenant, value: sold });
        appendMovement(this.state, tenant, sold, -take, { reason: 'sale', reference: hold.reference }, origin, now);
      }
    }
  }

  private change(tenant: TenantId, id: string, now: IsoInstant, apply: (hold: Hold) => Hold): Promise<HoldChange> {
    return this.unitOfWork.run((): Promise<HoldChange> => {
      const hold = this.state.hold(tenant, id);
      if (hold === undefined) return Promise.resolve({ status: 'missing' });
      if (holdStatusAt(hold, now) !== 'active') return Promise.resolve({ status: 'not-active', hold });
      const changed = apply(hold);
      this.state.holds.set(id, { tenant, value: changed });
      return Promise.resolve({ status: 'changed', hold: changed });
    });
  }

  private available(tenant: TenantId, productId: number, warehouseId: number | null, now: IsoInstant): number {
    const warehouseIds = warehouseId === null ? undefined : [warehouseId];
    const records = [...this.state.recordsOf(tenant)].filter((record) => record.productId === productId && (warehouseId === null || record.warehouseId === warehouseId));
    return aggregateInventory(productId, records, now, this.state.heldQuantity(tenant, productId, warehouseIds, now)).availableQuantity;
  }
}
