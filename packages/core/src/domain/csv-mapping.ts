import type { Issue } from './errors.js';

/** The fields a CSV column can feed (GraphQL `InventoryFieldName`). */
export const INVENTORY_FIELD_NAMES = [
  'LOOKUP_KEY',
  'INVENTORY_TYPE',
  'QUANTITY',
  'SKU',
  'SUPPLIER_CODE',
  'SUPPLIER',
  'PRODUCT_ID',
  'SOURCE_ID',
  'SOURCE_NAME',
  'WAREHOUSE_ID',
  'COMPANY_ID',
  'COMPANY_SOURCE_ID',
  'COMPANY_SOURCE_NAME',
  'LOCATION',
  'COST_PRICE',
  'NEXT_DELIVERY_DATE',
  'NOTES',
] as const;
export type InventoryFieldName = (typeof INVENTORY_FIELD_NAMES)[number];

export interface CsvMapping {
  readonly csvHeader: string;
  readonly fieldName: InventoryFieldName;
}

/** Each field's header when no mappings are given: its name in camelCase. */
export const DEFAULT_CSV_HEADERS: Readonly<Record<InventoryFieldName, string>> = {
  LOOKUP_KEY: 'lookupKey',
  INVENTORY_TYPE: 'inventoryType',
  QUANTITY: 'quantity',
  SKU: 'sku',
  SUPPLIER_CODE: 'supplierCode',
  SUPPLIER: 'supplier',
  PRODUCT_ID: 'productId',
  SOURCE_ID: 'sourceId',
  SOURCE_NAME: 'sourceName',
  WAREHOUSE_ID: 'warehouseId',
  COMPANY_ID: 'companyId',
  COMPANY_SOURCE_ID: 'companySourceId',
  COMPANY_SOURCE_NAME: 'companySourceName',
  LOCATION: 'location',
  COST_PRICE: 'costPrice',
  NEXT_DELIVERY_DATE: 'nextDeliveryDate',
  NOTES: 'notes',
};

/** Columns every file needs, whatever its rows' lookup keys. */
export const REQUIRED_CSV_FIELDS: readonly InventoryFieldName[] = ['LOOKUP_KEY', 'INVENTORY_TYPE', 'QUANTITY'];

/** Where each mapped field sits in a row. */
export type ColumnIndex = ReadonlyMap<InventoryFieldName, number>;

/**
 * Matches mappings (or the default headers) against a file's header row. Every issue is a
 * whole-file problem: a mapping to a header the file lacks, a header given twice, a field mapped
 * twice, or a required column missing.
 */
export function indexColumns(header: readonly string[], mappings: readonly CsvMapping[] | undefined): ColumnIndex | Issue[] {
  const issues: Issue[] = [];
  const positions = new Map<string, number>();
  header.forEach((name, position) => {
    if (positions.has(name)) issues.push({ path: 'header', message: `column "${name}" appears more than once` });
    positions.set(name, position);
  });
  const columns = new Map<InventoryFieldName, number>();
  if (mappings === undefined) {
    for (const field of INVENTORY_FIELD_NAMES) {
      const position = positions.get(DEFAULT_CSV_HEADERS[field]);
      if (position !== undefined) columns.set(field, position);
    }
  } else {
    mappings.forEach((mapping, index) => {
      const position = positions.get(mapping.csvHeader);
      if (position === undefined) issues.push({ path: `mappings.${index}.csvHeader`, message: `the file has no column "${mapping.csvHeader}"` });
      else if (columns.has(mapping.fieldName)) issues.push({ path: `mappings.${index}.fieldName`, message: `${mapping.fieldName} is mapped more than once` });
      else columns.set(mapping.fieldName, position);
    });
  }
  for (const field of REQUIRED_CSV_FIELDS) {
    if (!columns.has(field)) issues.push({ path: 'header', message: `the file needs a ${mappings === undefined ? `"${DEFAULT_CSV_HEADERS[field]}"` : field} column` });
  }
  return issues.length > 0 ? issues : columns;
}
