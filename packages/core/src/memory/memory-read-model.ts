import { matchesFilter, type InventoryFilter } from '../domain/inventory-filter.js';
import type { InventoryRecord } from '../domain/inventory-record.js';
import { pageSlice, type PageRequest } from '../domain/paging.js';
import { aggregateInventory, type ProductInventory } from '../domain/product-inventory.js';
import type { TenantId } from '../domain/tenant.js';
import type { AggregateOptions, AggregatePage, InventoryReadModel } from '../ports/inventory-read-model.js';
import type { MemoryState } from './memory-state.js';

/** Aggregates computed by the pure reference function over the in-memory records. */
export class MemoryReadModel implements InventoryReadModel {
  constructor(private readonly state: MemoryState) {}

  aggregate(tenant: TenantId, productIds: readonly number[], filter: InventoryFilter, options: AggregateOptions): Promise<ProductInventory[]> {
    const byProduct = this.matchingByProduct(tenant, filter);
    return Promise.resolve(productIds.map((id) => this.toAggregate(tenant, id, byProduct.get(id) ?? [], filter, options)));
  }

  search(tenant: TenantId, filter: InventoryFilter, page: PageRequest, options: AggregateOptions): Promise<AggregatePage> {
    const byProduct = this.matchingByProduct(tenant, filter);
    const ids = [...byProduct.keys()].sort((a, b) => a - b);
    const items = pageSlice(ids, page).map((id) => this.toAggregate(tenant, id, byProduct.get(id) ?? [], filter, options));
    return Promise.resolve({ items, itemsFound: ids.length });
  }

  private matchingByProduct(tenant: TenantId, filter: InventoryFilter): Map<number, InventoryRecord[]> {
    const byProduct = new Map<number, InventoryRecord[]>();
    for (const record of this.state.recordsOf(tenant)) {
      if (!matchesFilter(record, filter)) continue;
      const list = byProduct.get(record.productId);
      if (list === undefined) byProduct.set(record.productId, [record]);
      else list.push(record);
    }
    return byProduct;
  }

  private toAggregate(tenant: TenantId, productId: number, records: InventoryRecord[], filter: InventoryFilter, options: AggregateOptions): ProductInventory {
    const held = this.state.heldQuantity(tenant, productId, filter.warehouseIds, options.now);
    const aggregate = aggregateInventory(productId, records, options.startOfToday, held);
    return options.withBalance ? { ...aggregate, balance: [...records].sort((a, b) => a.id - b.id) } : aggregate;
  }
}
