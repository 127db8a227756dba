import type { ColumnIndex, InventoryFieldName } from '../domain/csv-mapping.js';
import { DEFAULT_CSV_HEADERS } from '../domain/csv-mapping.js';
import type { Issue } from '../domain/errors.js';
import { INVENTORY_TYPES } from '../domain/inventory-record.js';
import { LOOKUP_KINDS, type LookupKind } from '../domain/lookup-key.js';
import type { BulkItemInput, UpsertItem } from './upsert-inventory-items.js';

/** The column each lookup kind reads its value from. */
export const LOOKUP_COLUMNS: Readonly<Record<LookupKind, InventoryFieldName>> = {
  id: 'PRODUCT_ID',
  sku: 'SKU',
  sourceId: 'SOURCE_ID',
  supplierCode: 'SUPPLIER_CODE',
};

const INTEGER = /^-?\d+$/;

/**
 * Turns one data row into an upsert item. An empty cell means "not given"; cells are passed on as
 * text where core parses text exactly (cost price, dates) and as integers where the row says so.
 */
export function readCsvRow(cells: readonly string[], columns: ColumnIndex): UpsertItem | Issue[] {
  const issues: Issue[] = [];
  const cell = (field: InventoryFieldName): string | undefined => {
    const position = columns.get(field);
    const value = position === undefined ? undefined : cells[position];
    return value === '' ? undefined : value;
  };
  const integer = (field: InventoryFieldName): number | undefined => {
    const value = cell(field);
    if (value === undefined) return undefined;
    if (INTEGER.test(value.trim())) return Number(value.trim());
    issues.push({ path: DEFAULT_CSV_HEADERS[field], message: 'must be an integer' });
    return undefined;
  };
  const kind = oneOf(cell('LOOKUP_KEY'), LOOKUP_KINDS, 'lookupKey', issues);
  const type = oneOf(cell('INVENTORY_TYPE'), INVENTORY_TYPES, 'inventoryType', issues);
  for (const field of ['COMPANY_SOURCE_ID', 'COMPANY_SOURCE_NAME'] as const) {
    if (cell(field) !== undefined) issues.push({ path: DEFAULT_CSV_HEADERS[field], message: 'is not supported: this service has no company directory; use companyId' });
  }
  const item: BulkItemInput = withoutUndefined({
    quantity: integer('QUANTITY'),
    productId: integer('PRODUCT_ID'),
    warehouseId: integer('WAREHOUSE_ID'),
    companyId: integer('COMPANY_ID'),
    sku: cell('SKU'),
    supplierCode: cell('SUPPLIER_CODE'),
    supplier: cell('SUPPLIER'),
    sourceId: cell('SOURCE_ID'),
    source: cell('SOURCE_NAME'),
    location: cell('LOCATION'),
    costPrice: cell('COST_PRICE'),
    nextDeliveryDate: cell('NEXT_DELIVERY_DATE'),
    notes: cell('NOTES'),
  });
  if (issues.length > 0 || kind === undefined || type === undefined) return issues;
  return { kind, type, item };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], path: string, issues: Issue[]): T | undefined {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) issues.push({ path, message: value === undefined ? 'is required' : `must be one of ${allowed.join(', ')}` });
  return match;
}

function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
