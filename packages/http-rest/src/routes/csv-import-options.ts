import { INVENTORY_FIELD_NAMES, validationFailed, type CsvImportOptions } from '@inventory/core';
import { z } from 'zod';
import { toIssues } from '../errors/zod-issues.js';

/** What a client chooses for one import: the column mappings and whether it is a dry run. */
export type CsvUploadOptions = Pick<CsvImportOptions, 'mappings' | 'dryRun'>;

/** The options as text, from query parameters or multipart fields. */
export interface RawCsvOptions {
  readonly mappings?: string | undefined;
  readonly dryRun?: string | undefined;
}

export const csvMappingSchema = z
  .strictObject({ csvHeader: z.string().min(1), fieldName: z.enum(INVENTORY_FIELD_NAMES) })
  .meta({ id: 'InventoryCsvMapping' });

const mappingsSchema = z.array(csvMappingSchema).max(INVENTORY_FIELD_NAMES.length * 4);

export const dryRunSchema = z.enum(['true', 'false']);

/**
 * Reads `mappings` (JSON `[{ csvHeader, fieldName }]`) and `dryRun` (`true` / `false`); a bad
 * value is 400 10007 naming its path, e.g. `mappings.2.fieldName`, before any row is read.
 */
export function parseCsvOptions(raw: RawCsvOptions): CsvUploadOptions {
  const dryRun = raw.dryRun === undefined ? false : readDryRun(raw.dryRun);
  if (raw.mappings === undefined) return { dryRun };
  let json: unknown;
  try {
    json = JSON.parse(raw.mappings);
  } catch {
    throw validationFailed([{ path: 'mappings', message: 'must be JSON: [{"csvHeader": "…", "fieldName": "QUANTITY"}, …]' }], 'Invalid CSV import options');
  }
  const parsed = mappingsSchema.safeParse(json);
  if (!parsed.success) throw validationFailed(toIssues(parsed.error, ['mappings']), 'Invalid CSV import options');
  return { mappings: parsed.data, dryRun };
}

function readDryRun(text: string): boolean {
  const parsed = dryRunSchema.safeParse(text);
  if (!parsed.success) throw validationFailed([{ path: 'dryRun', message: 'must be true or false' }], 'Invalid CSV import options');
  return parsed.data === 'true';
}
