import {
  aggregateInventory,
  LIMITS,
  type AggregateOptions,
  type AggregatePage,
  type InventoryFilter,
  type InventoryReadModel,
  type InventoryRecord,
  type IsoInstant,
  type LookupAggregate,
  type PageRequest,
  type ProductInventory,
  type ProductLookup,
  type TenantId,
} from '@inventory/core';
import { aggregateColumns, aggregateSums, toProductInventory } from '../sql/aggregate-sql.js';
import { filterConditions } from '../sql/filter-sql.js';
import { isStorableId, recordColumns, toInventoryRecord } from '../sql/inventory-row.js';
import { lookupProductIds } from '../sql/lookup-sql.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

/**
 * Aggregates answered by the database: one grouped query for any number of products, and for a
 * search page one grouped query plus a count only when the page alone cannot tell the total.
 * With `balance`, the records are read once and aggregated by core's own function, so figures
 * and balance always agree.
 */
export class SqlReadModel implements InventoryReadModel {
  constructor(private readonly executor: SqlExecutor) {}

  async aggregate(tenant: TenantId, productIds: readonly number[], filter: InventoryFilter, options: AggregateOptions): Promise<ProductInventory[]> {
    if (productIds.length === 0) return [];
    const allowed = filter.productIds === undefined ? undefined : new Set(filter.productIds);
    const wanted = [...new Set(productIds)].filter((id) => isStorableId(id) && (allowed === undefined || allowed.has(id)));
    const found = wanted.length === 0 ? new Map<number, ProductInventory>() : await this.aggregatesOf(tenant, { ...filter, productIds: wanted }, options);
    // A product without matching records may still be held (its stock was deleted or moved): only then a second query.
    const bare = wanted.filter((id) => !found.has(id));
    const held = bare.length === 0 ? new Map<number, number>() : await this.heldOf(tenant, bare, filter.warehouseIds, options.now);
    return productIds.map((id) => found.get(id) ?? emptyAggregate(id, options, held.get(id) ?? 0));
  }

  /**
   * The lookup and the aggregate in one statement, without a join or a grouping: how many
   * products the lookup names (at most two, enough to tell one from several), the first of them,
   * and the sums over its matching records (one row even when none match).
   */
  async aggregateOfLookup(tenant: TenantId, lookup: ProductLookup, filter: InventoryFilter, options: AggregateOptions): Promise<LookupAggregate> {
    const params = new SqlParams(this.executor.dialect);
    // Built in text order, so positional placeholders bind in order; the lookup binds three times.
    const matches = `(SELECT COUNT(*) FROM (${lookupProductIds(tenant, lookup, params)} LIMIT 2) m) AS matches`;
    const productId = `(${lookupProductIds(tenant, lookup, params)} LIMIT 1) AS product_id`;
    const sums = aggregateSums(params, options, { tenant, productId: (bound) => `(${lookupProductIds(tenant, lookup, bound)} LIMIT 1)`, warehouseIds: filter.warehouseIds });
    const records = `${filterConditions(tenant, filter, params)} AND product_id = (${lookupProductIds(tenant, lookup, params)} LIMIT 1)`;
    const [row] = await this.executor.all(`SELECT ${matches}, ${productId}, ${sums} FROM inventory WHERE ${records}`, params.values);
    const count = this.executor.dialect.readInteger(row?.['matches'] ?? 0);
    if (row === undefined || count !== 1) return { matches: count === 0 ? 0 : 2, aggregate: undefined };
    return { matches: 1, aggregate: toProductInventory(row, this.executor.dialect) };
  }

  async search(tenant: TenantId, filter: InventoryFilter, page: PageRequest, options: AggregateOptions): Promise<AggregatePage> {
    const offset = (page.page - 1) * page.size;
    const items = offset > LIMITS.idMax ? [] : await this.page(tenant, filter, page.size, offset, options);
    const complete = items.length < page.size && (items.length > 0 || offset === 0);
    return { items, itemsFound: complete ? offset + items.length : await this.countProducts(tenant, filter) };
  }

  private async page(tenant: TenantId, filter: InventoryFilter, limit: number, offset: number, options: AggregateOptions): Promise<ProductInventory[]> {
    const params = new SqlParams(this.executor.dialect);
    const select = options.withBalance ? 'product_id' : aggregateColumns(params, options, tenant, filter.warehouseIds);
    const where = filterConditions(tenant, filter, params);
    const sql = `SELECT ${select} FROM inventory WHERE ${where} GROUP BY product_id ORDER BY product_id LIMIT ${params.int(limit)} OFFSET ${params.int(offset)}`;
    const rows = await this.executor.all(sql, params.values);
    if (!options.withBalance) return rows.map((row) => toProductInventory(row, this.executor.dialect));
    const ids = rows.map((row) => row['product_id'] as number);
    if (ids.length === 0) return [];
    const found = await this.aggregatesWithBalance(tenant, { ...filter, productIds: ids }, options);
    return ids.map((id) => found.get(id) ?? emptyAggregate(id, options));
  }

  private async aggregatesOf(tenant: TenantId, filter: InventoryFilter, options: AggregateOptions): Promise<Map<number, ProductInventory>> {
    if (options.withBalance) return this.aggregatesWithBalance(tenant, filter, options);
    const params = new SqlParams(this.executor.dialect);
    const select = aggregateColumns(params, options, tenant, filter.warehouseIds);
    const rows = await this.executor.all(`SELECT ${select} FROM inventory WHERE ${filterConditions(tenant, filter, params)} GROUP BY product_id`, params.values);
    return new Map(rows.map((row) => [row['product_id'] as number, toProductInventory(row, this.executor.dialect)]));
  }

  private async aggregatesWithBalance(tenant: TenantId, filter: InventoryFilter, options: AggregateOptions): Promise<Map<number, ProductInventory>> {
    const params = new SqlParams(this.executor.dialect);
    const where = filterConditions(tenant, filter, params);
    const rows = await this.executor.all(`SELECT ${recordColumns(this.executor.dialect)} FROM inventory WHERE ${where} ORDER BY id`, params.values);
    const byProduct = new Map<number, InventoryRecord[]>();
    for (const row of rows) {
      const record = toInventoryRecord(row, this.executor.dialect);
      const list = byProduct.get(record.productId);
      if (list === undefined) byProduct.set(record.productId, [record]);
      else list.push(record);
    }
    const held = byProduct.size === 0 ? new Map<number, number>() : await this.heldOf(tenant, [...byProduct.keys()], filter.warehouseIds, options.now);
    const found = new Map<number, ProductInventory>();
    for (const [id, balance] of byProduct) found.set(id, { ...aggregateInventory(id, balance, options.startOfToday, held.get(id) ?? 0), balance });
    return found;
  }

  /** Held quantities alone, per product, for aggregates not computed by the grouped statement. */
  private async heldOf(tenant: TenantId, productIds: readonly number[], warehouseIds: readonly number[] | undefined, now: IsoInstant): Promise<Map<number, number>> {
    const params = new SqlParams(this.executor.dialect);
    const where = [`tenant = ${params.text(tenant)}`, params.inList('product_id', productIds, 'int'), `active_until > ${params.instant(now)}`];
    if (warehouseIds !== undefined) where.push(params.inList('warehouse_id', warehouseIds, 'int'));
    const rows = await this.executor.all(`SELECT product_id, SUM(quantity) AS held FROM hold_lines WHERE ${where.join(' AND ')} GROUP BY product_id`, params.values);
    return new Map(rows.map((row) => [row['product_id'] as number, this.executor.dialect.readInteger(row['held'])]));
  }

  private async countProducts(tenant: TenantId, filter: InventoryFilter): Promise<number> {
    const params = new SqlParams(this.executor.dialect);
    const rows = await this.executor.all(`SELECT COUNT(DISTINCT product_id) AS found FROM inventory WHERE ${filterConditions(tenant, filter, params)}`, params.values);
    return this.executor.dialect.readInteger(rows[0]?.['found'] ?? 0);
  }
}

function emptyAggregate(productId: number, options: AggregateOptions, heldQuantity = 0): ProductInventory {
  const aggregate = aggregateInventory(productId, [], options.startOfToday, heldQuantity);
  return options.withBalance ? { ...aggregate, balance: [] } : aggregate;
}
