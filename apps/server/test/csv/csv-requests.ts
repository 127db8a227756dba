import type { AnyEnvelope, ApiClient, ApiResponse } from '../support/api-client.js';

/** A row error of a CSV import, as REST and GraphQL answer it. */
export interface CsvRowError {
  readonly code: 'VALIDATION' | 'DB_INSERT' | 'UNKNOWN';
  readonly messages: readonly string[];
  readonly record: Readonly<Record<string, string>> | null;
  readonly rowNumber: number | null;
}

export interface CsvImportData {
  readonly importedCount: number;
  readonly createdCount: number;
  readonly updatedCount: number;
  readonly errors: readonly CsvRowError[];
}

export interface CsvMappingInput {
  readonly csvHeader: string;
  readonly fieldName: string;
}

export interface ImportOptions {
  readonly mappings?: readonly CsvMappingInput[];
  readonly dryRun?: boolean;
}

/**
 * CSV text from rows, quoting a cell only when it holds a comma, quote, CR or LF (RFC 4180).
 * Test-only: it does not guard against spreadsheet formulas, since it writes what a client sends.
 */
export function csvText(rows: readonly (readonly string[])[], lineEnd = '\n'): string {
  return rows.map((row) => row.map(quoted).join(',')).join(lineEnd) + lineEnd;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const PATH = '/v2/inventory/import/csv';

/** `POST /v2/inventory/import/csv` with a `text/csv` body; options as query parameters. */
export function importText(api: ApiClient, csv: string | ReadableStream<Uint8Array>, options: ImportOptions = {}): Promise<ApiResponse<AnyEnvelope<CsvImportData>>> {
  const query = new URLSearchParams();
  if (options.mappings !== undefined) query.set('mappings', JSON.stringify(options.mappings));
  if (options.dryRun !== undefined) query.set('dryRun', String(options.dryRun));
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return api.post<AnyEnvelope<CsvImportData>>(PATH + search, undefined, { raw: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } });
}

const BOUNDARY = '----inventory-csv-test-boundary';

/** One part of a multipart body: a text field, or a file when it has a file name. */
export interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
}

/** A `multipart/form-data` body with the parts in the order given. */
export function multipart(parts: readonly Part[]): { body: string; contentType: string } {
  const encoded = parts.map((part) => {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.filename === undefined ? '' : 'Content-Type: text/csv\r\n';
    return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n${part.value}\r\n`;
  });
  return { body: `${encoded.join('')}--${BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** `POST /v2/inventory/import/csv` with a multipart body: options as fields before the file. */
export function importMultipart(api: ApiClient, csv: string, options: ImportOptions = {}): Promise<ApiResponse<AnyEnvelope<CsvImportData>>> {
  const parts: Part[] = [];
  if (options.mappings !== undefined) parts.push({ name: 'mappings', value: JSON.stringify(options.mappings) });
  if (options.dryRun !== undefined) parts.push({ name: 'dryRun', value: String(options.dryRun) });
  parts.push({ name: 'file', value: csv, filename: 'stock.csv' });
  return postParts(api, parts);
}

export function postParts(api: ApiClient, parts: readonly Part[], path = PATH, headers: Record<string, string> = {}): Promise<ApiResponse<AnyEnvelope<CsvImportData>>> {
  const { body, contentType } = multipart(parts);
  return api.post<AnyEnvelope<CsvImportData>>(path, undefined, { raw: body, headers: { 'content-type': contentType, ...headers } });
}

export interface GraphqlCsvAnswer {
  readonly data?: { readonly inventoryCsvImport: CsvImportData } | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

const CSV_MUTATION = `mutation ($input: InventoryCsvInput!) {
  inventoryCsvImport(input: $input) { importedCount createdCount updatedCount errors { code messages record rowNumber } }
}`;

/** `inventoryCsvImport` as a GraphQL multipart request (the upload spec), CSRF header unless told otherwise. */
export function importGraphql(api: ApiClient, csv: string, options: ImportOptions = {}, headers: Record<string, string> = { 'x-graphql-csrf': '1' }): Promise<ApiResponse<GraphqlCsvAnswer>> {
  const input = { file: null, ...(options.mappings !== undefined && { mappings: options.mappings }), ...(options.dryRun !== undefined && { dryRun: options.dryRun }) };
  const { body, contentType } = multipart([
    { name: 'operations', value: JSON.stringify({ query: CSV_MUTATION, variables: { input } }) },
    { name: 'map', value: JSON.stringify({ 0: ['variables.input.file'] }) },
    { name: '0', value: csv, filename: 'stock.csv' },
  ]);
  return api.post<GraphqlCsvAnswer>('/graphql', undefined, { raw: body, headers: { 'content-type': contentType, ...headers } });
}
