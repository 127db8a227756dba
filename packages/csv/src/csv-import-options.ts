import { INVENTORY_FIELD_NAMES, validationFailed, type CsvImportOptions, type CsvMapping, type Issue } from '@inventory/core';
import { z } from 'zod';

/** What a client chooses for one import: the column mappings and whether it is a dry run. */
export type CsvUploadOptions = Pick<CsvImportOptions, 'mappings' | 'dryRun'>;

/** The options as text, from query parameters or multipart fields. */
export interface RawCsvOptions {
  readonly mappings?: string | undefined;
  readonly dryRun?: string | undefined;
}

/** One mapping; REST documents this very schema in its OpenAPI document. */
export const csvMappingSchema = z
  .strictObject({ csvHeader: z.string().min(1), fieldName: z.enum(INVENTORY_FIELD_NAMES) })
  .meta({ id: 'InventoryCsvMapping' });

const mappingsSchema = z.array(csvMappingSchema).max(INVENTORY_FIELD_NAMES.length * 4);

export const dryRunSchema = z.enum(['true', 'false']);

const INVALID = 'Invalid CSV import options';

/**
 * Reads `mappings` (JSON `[{ csvHeader, fieldName }]`) and `dryRun` (`true` / `false`) given as
 * text; a bad value is VALIDATION_FAILED naming its path, e.g. `mappings.2.fieldName`, before any
 * row is read.
 */
export function parseCsvOptions(raw: RawCsvOptions): CsvUploadOptions {
  const dryRun = raw.dryRun === undefined ? false : parseDryRun(raw.dryRun);
  return raw.mappings === undefined ? { dryRun } : { mappings: parseCsvMappings(raw.mappings), dryRun };
}

/** `mappings` as JSON text (a query parameter, a multipart field, a command-line flag). */
export function parseCsvMappings(text: string): readonly CsvMapping[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationFailed([{ path: 'mappings', message: 'must be JSON: [{"csvHeader": "…", "fieldName": "QUANTITY"}, …]' }], INVALID);
  }
  const parsed = mappingsSchema.safeParse(json);
  if (!parsed.success) throw validationFailed(parsed.error.issues.flatMap(mappingIssues), INVALID);
  return parsed.data;
}

function parseDryRun(text: string): boolean {
  const parsed = dryRunSchema.safeParse(text);
  if (!parsed.success) throw validationFailed([{ path: 'dryRun', message: 'must be true or false' }], INVALID);
  return parsed.data === 'true';
}

/** A mapping's problem under `mappings.…`; an unknown key is named itself (`mappings.0.tenant`). */
function mappingIssues(issue: z.core.$ZodIssue): Issue[] {
  const path = ['mappings', ...issue.path].map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'is not allowed' }));
  return [{ path: path.join('.'), message: issue.message }];
}
