import { csvMappingSchema, dryRunSchema, type CsvImport } from '@inventory/csv';
import { z } from 'zod';
import { singleEnvelope } from '../envelope/envelopes.js';
import { envelopeOf } from '../openapi/response-schemas.js';
import { readCsvUpload } from './csv-upload.js';
import type { RouteKit } from './route-kit.js';

const MAPPINGS_DESCRIPTION = 'JSON `[{ "csvHeader", "fieldName" }]`; without it each column is found by its default header (the field name in camelCase)';
const DRY_RUN_DESCRIPTION = '`true`: validate and resolve every row, write nothing';

const csvImportResultSchema = z
  .object({
    importedCount: z.int(),
    createdCount: z.int(),
    updatedCount: z.int(),
    errors: z.array(
      z.object({
        code: z.enum(['VALIDATION', 'DB_INSERT', 'UNKNOWN']),
        messages: z.array(z.string()),
        record: z.record(z.string(), z.string()).nullable().meta({ description: 'The row as read, by header' }),
        rowNumber: z.int().nullable().meta({ description: 'Data rows count from 1' }),
      }),
    ),
  })
  .meta({ id: 'CsvImportResponse' });

/** `POST /v2/inventory/import/csv`: a `text/csv` or `multipart/form-data` body, streamed, never buffered whole. */
export function addCsvImportRoute(kit: RouteKit, importCsv: CsvImport): void {
  kit.add({
    method: 'post',
    path: '/v2/inventory/import/csv',
    operationId: 'importInventoryCsv',
    summary: 'Import inventory from a CSV file',
    description:
      'Rows upsert like bulk items (lookup key and inventory type per row); bad rows are reported and the rest go on. The file streams: it is imported while it arrives. In a multipart body, send `mappings` and `dryRun` before `file`. A file over the size or row-count limit, or with a row longer than `CSV_MAX_ROW_BYTES`, stops with 413; a file that is not UTF-8 is 400.',
    tag: 'Inventory',
    scope: 'inventory:write',
    params: z.strictObject({}),
    query: z.strictObject({
      mappings: z.string().optional().meta({ description: MAPPINGS_DESCRIPTION }),
      dryRun: dryRunSchema.optional().meta({ description: DRY_RUN_DESCRIPTION }),
    }),
    streamedBody: {
      'text/csv': z.string().meta({ description: 'The CSV file, header row first (UTF-8, BOM optional; comma, semicolon or tab)' }),
      'multipart/form-data': z.object({
        mappings: z.array(csvMappingSchema).optional().meta({ description: MAPPINGS_DESCRIPTION }),
        dryRun: dryRunSchema.optional().meta({ description: DRY_RUN_DESCRIPTION }),
        file: z.string().meta({ format: 'binary', description: 'The CSV file' }),
      }),
    },
    responses: { 200: { description: 'Counts and row errors; message `Completed`', schema: envelopeOf(csvImportResultSchema) } },
    errors: ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
    idempotent: false,
    handle: async ({ tenant, origin, query, request }) => {
      const upload = await readCsvUpload(request, query);
      try {
        const result = await importCsv(tenant, upload.file, { ...upload.options, origin: { channel: 'csv', clientId: origin.clientId } });
        return { status: 200, body: singleEnvelope(result, ['Completed']) };
      } finally {
        upload.release();
      }
    },
  });
}
