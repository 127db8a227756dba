import { Readable } from 'node:stream';
import type { CsvImportOptions, CsvImportResult, InventoryService, TenantId } from '@inventory/core';
import type { CsvImport } from '@inventory/graphql';
import { csvRows } from './csv-rows.js';

/** The limits of one import (`CSV_MAX_BYTES`, `CSV_MAX_ROWS`); past either it stops with 413. */
export interface CsvLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
}

/** A byte stream of a CSV file into the import use case; REST's `POST /v2/inventory/import/csv` calls it as is. */
export type CsvStreamImport = (tenant: TenantId, file: Readable, options: Omit<CsvImportOptions, 'maxRows'>) => Promise<CsvImportResult>;

/**
 * The server's one CSV import: the fast-csv row source (delimiter detection, byte limit) feeding
 * the core use case (row limit). REST, GraphQL and the `import` command all go through it.
 */
export function createCsvImporter(service: InventoryService, limits: CsvLimits): CsvStreamImport {
  return (tenant, file, options) => service.importInventoryCsv(tenant, csvRows(file, { maxBytes: limits.maxBytes }), { ...options, maxRows: limits.maxRows });
}

/** The import as GraphQL's `inventoryCsvImport` calls it: the upload's web stream, read as it arrives. */
export function graphqlCsvImport(importer: CsvStreamImport): CsvImport {
  return (tenant, file, options) => importer(tenant, Readable.from(chunksOf(file.stream())), options);
}

/** Reads any web ReadableStream (native or a fetch ponyfill's) chunk by chunk. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel();
  }
}
