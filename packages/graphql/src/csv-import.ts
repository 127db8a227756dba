import type { Readable } from 'node:stream';
import type { CsvImportResult, CsvMapping, CsvRecordError, InventoryFieldName } from '@inventory/core';
import type { CsvFileOptions, CsvImport } from '@inventory/csv';

export type { CsvImport, CsvImportResult, CsvMapping, InventoryFieldName };
/** A bad row, reported while the other rows go on; `rowNumber` counts data rows from 1. */
export type CsvRowError = CsvRecordError;
export type CsvImportOptions = CsvFileOptions;

/**
 * An uploaded file (the `Upload` scalar's value), read as a Node stream while the request body
 * arrives, so memory stays flat however large it is. `inventoryCsvImport` hands that stream to
 * the {@link CsvImport} of `@inventory/csv`, the same one REST and the `import` command call.
 */
export interface CsvFile {
  stream(): Readable;
}
