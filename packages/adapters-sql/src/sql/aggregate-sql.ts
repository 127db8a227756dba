import { LOCAL_SUPPLIER, productInventoryOf, type AggregateOptions, type IsoInstant, type ProductInventory, type TenantId } from '@inventory/core';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlRow } from './sql-executor.js';
import type { SqlParams } from './sql-params.js';

const LOCAL = `supplier = '${LOCAL_SUPPLIER}'`;
const SUPPLIER = `supplier <> '${LOCAL_SUPPLIER}'`;
const sum = (condition: string): string => `COALESCE(SUM(CASE WHEN ${condition} THEN quantity ELSE 0 END), 0)`;

/** Where the held quantity is counted: the product, optionally only some of its warehouses. */
export interface HeldScope {
  readonly tenant: TenantId;
  /** Binds the product id expression (a column of the outer query, or a lookup subquery). */
  readonly productId: (params: SqlParams) => string;
  readonly warehouseIds: readonly number[] | undefined;
}

/**
 * The select list of §1.3's aggregate per product, grouped by `product_id`: four conditional sums,
 * the earliest delivery date from the start of today and the held quantity.
 */
export function aggregateColumns(params: SqlParams, options: AggregateOptions, tenant: TenantId, warehouseIds: readonly number[] | undefined): string {
  return `product_id, ${aggregateSums(params, options, { tenant, productId: () => 'inventory.product_id', warehouseIds })}`;
}

/**
 * The aggregate's sums, delivery date and held quantity; sums over no record are 0, as in core.
 * The held quantity is a correlated sum over the active hold lines of the scope (an index range
 * on `hold_lines`), so it costs no extra round trip.
 */
export function aggregateSums(params: SqlParams, options: AggregateOptions, held: HeldScope): string {
  const today = params.instant(options.startOfToday);
  const nextDelivery = params.dialect.instantText(`MIN(CASE WHEN next_delivery_date >= ${today} THEN next_delivery_date END)`);
  return [
    `${sum(`${LOCAL} AND company_id = 0`)} AS local_quantity`,
    `${sum(`${LOCAL} AND company_id <> 0`)} AS local_reserved_quantity`,
    `${sum(`${SUPPLIER} AND company_id = 0`)} AS supplier_quantity`,
    `${sum(`${SUPPLIER} AND company_id <> 0`)} AS supplier_reserved_quantity`,
    `${nextDelivery} AS next_delivery_date`,
    `${heldSum(params, held, options.now)} AS held_quantity`,
  ].join(', ');
}

/** Σ quantity of the scope's hold lines still active at `now` (a product-wide line counts in no warehouse). */
export function heldSum(params: SqlParams, scope: HeldScope, now: IsoInstant): string {
  const tenant = params.text(scope.tenant);
  const productId = scope.productId(params);
  const until = params.instant(now);
  const warehouses = scope.warehouseIds === undefined ? '' : ` AND ${params.inList('hl.warehouse_id', scope.warehouseIds, 'int')}`;
  return `(SELECT COALESCE(SUM(hl.quantity), 0) FROM hold_lines hl WHERE hl.tenant = ${tenant} AND hl.product_id = ${productId} AND hl.active_until > ${until}${warehouses})`;
}

export function toProductInventory(row: SqlRow, dialect: SqlDialect): ProductInventory {
  const sums = {
    localQuantity: dialect.readInteger(row['local_quantity']),
    localReservedQuantity: dialect.readInteger(row['local_reserved_quantity']),
    supplierQuantity: dialect.readInteger(row['supplier_quantity']),
    supplierReservedQuantity: dialect.readInteger(row['supplier_reserved_quantity']),
  };
  return productInventoryOf(row['product_id'] as number, sums, row['next_delivery_date'] as IsoInstant | null, dialect.readInteger(row['held_quantity'] ?? 0));
}
