import type { TenantId } from '@inventory/core';

/** The CSV columns a mapping may name (CONTRACT §3, enum InventoryFieldName). */
export type InventoryFieldName =
  | 'LOOKUP_KEY'
  | 'INVENTORY_TYPE'
  | 'QUANTITY'
  | 'SKU'
  | 'SUPPLIER_CODE'
  | 'SUPPLIER'
  | 'PRODUCT_ID'
  | 'SOURCE_ID'
  | 'SOURCE_NAME'
  | 'WAREHOUSE_ID'
  | 'COMPANY_ID'
  | 'COMPANY_SOURCE_ID'
  | 'COMPANY_SOURCE_NAME'
  | 'LOCATION'
  | 'COST_PRICE'
  | 'NEXT_DELIVERY_DATE'
  | 'NOTES';

export interface CsvMapping {
  readonly csvHeader: string;
  readonly fieldName: InventoryFieldName;
}

export interface CsvImportOptions {
  readonly mappings?: readonly CsvMapping[];
  readonly dryRun: boolean;
}

/** A bad row, reported while the other rows go on; `rowNumber` counts data rows from 1. */
export interface CsvRowError {
  readonly code: 'VALIDATION' | 'DB_INSERT' | 'UNKNOWN';
  readonly messages: readonly string[];
  readonly record: Readonly<Record<string, string>> | null;
  readonly rowNumber: number | null;
}

export interface CsvImportResult {
  readonly importedCount: number;
  readonly createdCount: number;
  readonly updatedCount: number;
  readonly errors: readonly CsvRowError[];
}

/** An uploaded file, read as a stream so memory stays flat however large it is. */
export interface CsvFile {
  stream(): ReadableStream<Uint8Array>;
}

/**
 * The CSV import use case as the subgraph calls it for `inventoryCsvImport`; the server provides it
 * (the same one REST's `POST /v2/inventory/import/csv` uses).
 */
export type CsvImport = (tenant: TenantId, file: CsvFile, options: CsvImportOptions) => Promise<CsvImportResult>;
