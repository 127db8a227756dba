import type { CsvImportResult, CsvMapping, CsvRecordError, InventoryFieldName, TenantId } from '@inventory/core';

export type { CsvImportResult, CsvMapping, InventoryFieldName };
/** A bad row, reported while the other rows go on; `rowNumber` counts data rows from 1. */
export type CsvRowError = CsvRecordError;

export interface CsvImportOptions {
  readonly mappings?: readonly CsvMapping[];
  readonly dryRun: boolean;
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
