import { LIMITS, type InventoryRecord, type IsoInstant } from '@inventory/core';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlRow } from './sql-executor.js';

/** The identity key's columns, in the unique index's order. */
export const IDENTITY_COLUMNS = 'tenant, product_id, supplier, supplier_code, location, warehouse_id, company_id';

/** The columns an insert gives, in the order every insert statement binds them. */
export const INSERT_COLUMNS = `${IDENTITY_COLUMNS}, quantity, sku, cost_price, notes, next_delivery_date, created_at, last_modified_at`;

const texts = new Map<SqlDialect, string>();

/** The select list of a full record, instants as canonical ISO text. */
export function recordColumns(dialect: SqlDialect): string {
  let columns = texts.get(dialect);
  if (columns === undefined) {
    const instant = (name: string): string => `${dialect.instantText(name)} AS ${name}`;
    columns = `id, product_id, supplier, supplier_code, location, warehouse_id, company_id, quantity, sku, cost_price, notes, ${instant('next_delivery_date')}, ${instant('created_at')}, ${instant('last_modified_at')}`;
    texts.set(dialect, columns);
  }
  return columns;
}

export function toInventoryRecord(row: SqlRow, dialect: SqlDialect): InventoryRecord {
  return {
    id: row['id'] as number,
    productId: row['product_id'] as number,
    supplier: row['supplier'] as string,
    supplierCode: row['supplier_code'] as string,
    location: row['location'] as string,
    warehouseId: row['warehouse_id'] as number,
    companyId: row['company_id'] as number,
    quantity: row['quantity'] as number,
    sku: row['sku'] as string,
    costPrice: dialect.readCost(row['cost_price']),
    notes: row['notes'] as string,
    nextDeliveryDate: row['next_delivery_date'] as IsoInstant | null,
    createdAt: row['created_at'] as IsoInstant,
    lastModifiedAt: row['last_modified_at'] as IsoInstant,
  };
}

/** Ids outside an `integer` column's range cannot exist, so they are never sent to the database. */
export function isStorableId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id <= LIMITS.idMax;
}
