import { LOCAL_SUPPLIER, productInventoryOf, type IsoInstant, type ProductInventory } from '@inventory/core';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlRow } from './sql-executor.js';
import type { SqlParams } from './sql-params.js';

const LOCAL = `supplier = '${LOCAL_SUPPLIER}'`;
const SUPPLIER = `supplier <> '${LOCAL_SUPPLIER}'`;
const sum = (condition: string): string => `COALESCE(SUM(CASE WHEN ${condition} THEN quantity ELSE 0 END), 0)`;

/**
 * The select list of the aggregate (docs/rest.md) per product, grouped by `product_id`: four conditional sums
 * and the earliest delivery date from the start of today.
 */
export function aggregateColumns(params: SqlParams, startOfToday: IsoInstant): string {
  return `product_id, ${aggregateSums(params, startOfToday)}`;
}

/** The aggregate's sums and delivery date alone; sums over no record are 0, as in core. */
export function aggregateSums(params: SqlParams, startOfToday: IsoInstant): string {
  const today = params.instant(startOfToday);
  const nextDelivery = params.dialect.instantText(`MIN(CASE WHEN next_delivery_date >= ${today} THEN next_delivery_date END)`);
  return [
    `${sum(`${LOCAL} AND company_id = 0`)} AS local_quantity`,
    `${sum(`${LOCAL} AND company_id <> 0`)} AS local_reserved_quantity`,
    `${sum(`${SUPPLIER} AND company_id = 0`)} AS supplier_quantity`,
    `${sum(`${SUPPLIER} AND company_id <> 0`)} AS supplier_reserved_quantity`,
    `${nextDelivery} AS next_delivery_date`,
  ].join(', ');
}

export function toProductInventory(row: SqlRow, dialect: SqlDialect): ProductInventory {
  const sums = {
    localQuantity: dialect.readInteger(row['local_quantity']),
    localReservedQuantity: dialect.readInteger(row['local_reserved_quantity']),
    supplierQuantity: dialect.readInteger(row['supplier_quantity']),
    supplierReservedQuantity: dialect.readInteger(row['supplier_reserved_quantity']),
  };
  return productInventoryOf(row['product_id'] as number, sums, row['next_delivery_date'] as IsoInstant | null);
}
