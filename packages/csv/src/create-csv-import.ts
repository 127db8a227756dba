import type { Readable } from 'node:stream';
import type { CsvImportOptions, CsvImportResult, InventoryService, TenantId } from '@inventory/core';
import { csvRows } from './csv-rows.js';

/** The limits of one import (`CSV_MAX_BYTES`, `CSV_MAX_ROWS`, `CSV_MAX_ROW_BYTES`); past any it stops with 413. */
export interface CsvLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly maxRowBytes: number;
}

/** What the caller of one import chooses: mappings and dry run, and for the command line, progress. */
export type CsvFileOptions = Omit<CsvImportOptions, 'maxRows'>;

/**
 * Imports one CSV file read as it streams. REST's `POST /v2/inventory/import/csv`, GraphQL's
 * `inventoryCsvImport` and the `import` command each call it with the file's Node stream.
 */
export type CsvImport = (tenant: TenantId, file: Readable, options: CsvFileOptions) => Promise<CsvImportResult>;

/**
 * The one CSV import: the fast-csv row source (delimiter detection, byte, row-size and UTF-8
 * checks) feeding core's streaming use case (row limit).
 */
export function createCsvImport(service: Pick<InventoryService, 'importInventoryCsv'>, limits: CsvLimits): CsvImport {
  return (tenant, file, options) =>
    service.importInventoryCsv(tenant, csvRows(file, { maxBytes: limits.maxBytes, maxRowBytes: limits.maxRowBytes }), { ...options, maxRows: limits.maxRows });
}
