import { indexColumns, type ColumnIndex, type CsvMapping } from '../domain/csv-mapping.js';
import { InventoryError, isInventoryError, validationFailed, type ErrorCode, type Issue } from '../domain/errors.js';
import type { LookupKind } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import { echoMessage, echoRecord } from './csv-error-echo.js';
import type { InventoryDeps } from './deps.js';
import { LOOKUP_COLUMNS, readCsvRow } from './read-csv-row.js';
import { upsertInventoryItems, type UpsertItem } from './upsert-inventory-items.js';
import type { WriteOrigin } from '../domain/movement.js';

export interface CsvImportOptions {
  readonly mappings?: readonly CsvMapping[];
  readonly dryRun: boolean;
  /** Who imports: recorded on the movements (channel `csv` and the token's client). */
  readonly origin?: WriteOrigin;
  /** Rows written per transaction. */
  readonly batchSize?: number;
  /** Data rows accepted; one more stops the import with PAYLOAD_TOO_LARGE. */
  readonly maxRows?: number;
  /** Row errors listed in full; later ones are only counted. */
  readonly maxErrors?: number;
  readonly onProgress?: (progress: { rows: number; errors: number }) => void;
}

export type CsvRecordErrorCode = 'VALIDATION' | 'DB_INSERT' | 'UNKNOWN';

export interface CsvRecordError {
  readonly code: CsvRecordErrorCode;
  readonly messages: readonly string[];
  readonly record: Readonly<Record<string, string>> | null;
  readonly rowNumber: number | null;
}

export interface CsvImportResult {
  readonly importedCount: number;
  readonly createdCount: number;
  readonly updatedCount: number;
  readonly errors: readonly CsvRecordError[];
}

interface BufferedRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
  readonly item: UpsertItem;
}

/**
 * Imports inventory from CSV rows (the first is the header), streaming: rows are read, checked
 * and upserted in batches exactly like bulk items, so memory stays flat however long the file.
 * Bad rows are reported with their row number and the rest go on; whole-file problems (mappings,
 * missing columns) fail before anything is written.
 */
export async function importInventoryCsv(deps: InventoryDeps, tenant: TenantId, rows: AsyncIterable<readonly string[]>, options: CsvImportOptions): Promise<CsvImportResult> {
  const batchSize = options.batchSize ?? 5000;
  const maxErrors = options.maxErrors ?? 1000;
  const tally = { imported: 0, created: 0, updated: 0, errors: 0, written: false };
  const errors: CsvRecordError[] = [];
  let header: readonly string[] | undefined;
  let columns: ColumnIndex | undefined;
  let batch: BufferedRow[] = [];
  let rowNumber = 0;

  const report = (row: { rowNumber: number; cells: readonly string[] } | undefined, code: CsvRecordErrorCode, messages: string[]): void => {
    tally.errors += 1;
    if (errors.length < maxErrors) errors.push({ code, messages: messages.map(echoMessage), record: row === undefined || header === undefined ? null : echoRecord(header, row.cells), rowNumber: row?.rowNumber ?? null });
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rowsOfBatch = batch;
    batch = [];
    try {
      const results = await upsertInventoryItems(deps, tenant, rowsOfBatch.map((row) => row.item), options.dryRun, options.origin);
      results.forEach((result, index) => {
        const row = rowsOfBatch[index];
        if (result.success) {
          tally.imported += 1;
          if (result.action === 'create') tally.created += 1;
          else tally.updated += 1;
        } else report(row, csvCode(result.error.code), messagesOf(result.error.message, result.error.details));
      });
    } catch (error) {
      const message = isInventoryError(error) ? error.message : 'The rows could not be written';
      for (const row of rowsOfBatch) report(row, 'DB_INSERT', [message]);
    }
    tally.written = true;
    options.onProgress?.({ rows: rowNumber, errors: tally.errors });
  };

  for await (const cells of rows) {
    if (header === undefined) {
      header = cells;
      const indexed = indexColumns(header, options.mappings);
      if (Array.isArray(indexed)) throw validationFailed(indexed, 'The CSV file does not fit the mappings');
      columns = indexed;
      continue;
    }
    rowNumber += 1;
    if (options.maxRows !== undefined && rowNumber > options.maxRows) {
      throw new InventoryError('PAYLOAD_TOO_LARGE', `The CSV file has more than ${options.maxRows} rows; split it or raise the limit`);
    }
    if (columns === undefined) throw new Error('columns are indexed with the header');
    const row = { rowNumber, cells };
    if (cells.length !== header.length) {
      report(row, 'VALIDATION', [`row has ${cells.length} columns, the header has ${header.length}`]);
      continue;
    }
    const item = readCsvRow(cells, columns);
    if (Array.isArray(item)) {
      report(row, 'VALIDATION', messagesOf('Validation failed', item));
      continue;
    }
    const missing = missingLookupColumn(item.kind, columns);
    if (missing !== undefined) {
      if (!tally.written) throw validationFailed([{ path: 'header', message: missing }], 'The CSV file lacks a column its rows need');
      report(row, 'VALIDATION', [missing]);
      continue;
    }
    batch.push({ rowNumber, cells, item });
    if (batch.length >= batchSize) await flush();
  }
  if (header === undefined) throw validationFailed([{ path: 'header', message: 'the file is empty: a header row is required' }]);
  await flush();
  errors.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  if (tally.errors > errors.length) {
    errors.push({ code: 'UNKNOWN', messages: [`${tally.errors - errors.length} more row errors are not listed`], record: null, rowNumber: null });
  }
  return { importedCount: tally.imported, createdCount: tally.created, updatedCount: tally.updated, errors };
}

function missingLookupColumn(kind: LookupKind, columns: ColumnIndex): string | undefined {
  const field = LOOKUP_COLUMNS[kind];
  return columns.has(field) ? undefined : `rows with lookup key ${kind} need a ${field} column`;
}

function csvCode(code: ErrorCode): CsvRecordErrorCode {
  return code === 'SERVICE_UNAVAILABLE' ? 'DB_INSERT' : 'VALIDATION';
}

function messagesOf(message: string, details: readonly Issue[]): string[] {
  return details.length === 0 ? [message] : details.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
}
