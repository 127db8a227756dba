import type { InventoryChanges, InventoryRecord, InventoryValues, UpsertField } from '@inventory/core';
import type { SqlType } from './sql-dialect.js';

/** One column of the `inventory` table: the record field it holds and how it is bound and read. */
export interface InventoryColumn {
  readonly field: keyof InventoryRecord;
  readonly column: string;
  readonly type: SqlType;
}

/**
 * The one description of the `inventory` table every statement is built from: a new record field
 * is one line here (and a migration), and the select lists, insert lists, change lists and
 * bind orders below follow.
 */
const COLUMNS: { readonly [Field in keyof InventoryRecord]-?: readonly [column: string, type: SqlType] } = {
  id: ['id', 'int'],
  productId: ['product_id', 'int'],
  supplier: ['supplier', 'text'],
  supplierCode: ['supplier_code', 'text'],
  location: ['location', 'text'],
  warehouseId: ['warehouse_id', 'int'],
  companyId: ['company_id', 'int'],
  quantity: ['quantity', 'int'],
  sku: ['sku', 'text'],
  costPrice: ['cost_price', 'cost'],
  notes: ['notes', 'text'],
  nextDeliveryDate: ['next_delivery_date', 'instant'],
  createdAt: ['created_at', 'instant'],
  lastModifiedAt: ['last_modified_at', 'instant'],
  version: ['version', 'int'],
};

function columnsOf<F extends keyof InventoryRecord>(fields: readonly F[]): readonly (InventoryColumn & { readonly field: F })[] {
  return fields.map((field) => ({ field, column: COLUMNS[field][0], type: COLUMNS[field][1] }));
}

/** Every column, in select-list order. */
export const RECORD_COLUMNS = columnsOf(Object.keys(COLUMNS) as (keyof InventoryRecord)[]);

/** The identity key's columns (after `tenant`), in the unique index's order. */
export const KEY_COLUMNS = columnsOf(['productId', 'supplier', 'supplierCode', 'location', 'warehouseId', 'companyId'] as const);

/** What a new record's values fill, in the order every insert binds them (`InventoryValues`). */
export const VALUE_COLUMNS = columnsOf(['productId', 'supplier', 'supplierCode', 'location', 'warehouseId', 'companyId', 'quantity', 'sku', 'costPrice', 'notes', 'nextDeliveryDate'] as const satisfies readonly (keyof InventoryValues)[]);

/** Fields a PATCH may change. */
export const CHANGE_COLUMNS = columnsOf(['quantity', 'costPrice', 'nextDeliveryDate', 'notes', 'sku', 'supplierCode', 'location', 'warehouseId', 'companyId'] as const satisfies readonly (keyof InventoryChanges)[]);

/** Fields a bulk item may overwrite besides quantity, in `UpsertField` order. */
export const UPSERT_COLUMNS = columnsOf(['costPrice', 'nextDeliveryDate', 'notes'] as const satisfies readonly UpsertField[]);

export const IDENTITY_COLUMNS = ['tenant', ...KEY_COLUMNS.map(({ column }) => column)].join(', ');

/** The columns an insert gives, in bind order: tenant, the values, then both timestamps. */
export const INSERT_COLUMNS = ['tenant', ...VALUE_COLUMNS.map(({ column }) => column), 'created_at', 'last_modified_at'].join(', ');

export function columnOf(field: keyof InventoryRecord): string {
  return COLUMNS[field][0];
}
