import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isInventoryError, tenantId, type CsvImportResult, type TenantId } from '@inventory/core';
import { createCsvImport, parseCsvMappings, type CsvUploadOptions } from '@inventory/csv';
import type { ServerConfig } from '../config/server-config.js';
import { createServerContainer } from '../container/create-server-container.js';
import { id } from '../container/services.js';
import { progressBar, type ImportProgress } from './import-progress.js';

export const IMPORT_USAGE = "usage: node apps/server/dist/main.js import <file.csv> --tenant T [--mappings '<json>'] [--dry-run]";

/** Row errors printed in the summary; the rest are counted. */
const ERRORS_SHOWN = 20;

interface ImportArgs {
  readonly file: string;
  readonly tenant: TenantId;
  readonly options: CsvUploadOptions;
}

/** Where the command writes: the summary to `out`, the progress bar and failures to `err`. */
export interface ImportIo {
  readonly out: (text: string) => void;
  readonly err: NodeJS.WritableStream;
  readonly progress?: (fileBytes: number) => ImportProgress;
}

const consoleIo: ImportIo = { out: (text) => process.stdout.write(`${text}\n`), err: process.stderr };

/**
 * `main.js import`: imports a CSV file on disk into one tenant of `DATABASE_URL` through the same
 * use case as the APIs (no size or row-count limit: the operator chose the file; the row-length
 * limit stays, since fast-csv's time grows with its square). Exit 0 when the file
 * was imported, row errors included (they are listed); 1 when the whole file failed; 2 on bad usage.
 */
export async function runImportCommand(config: ServerConfig, argv: readonly string[], io: ImportIo = consoleIo): Promise<number> {
  const warn = (text: string): void => void io.err.write(`${text}\n`);
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    warn(`${describe(error)}\n${IMPORT_USAGE}`);
    return 2;
  }
  let size: number;
  try {
    size = (await stat(args.file)).size;
  } catch {
    warn(`import failed: cannot read ${args.file}`);
    return 1;
  }
  const container = createServerContainer({ ...config, logLevel: 'warn' });
  const persistence = await container.getAsync(id('persistence'));
  try {
    await persistence.migrate();
    const importer = createCsvImport(await container.getAsync(id('service')), {
      maxBytes: Number.POSITIVE_INFINITY,
      maxRows: Number.POSITIVE_INFINITY,
      maxRowBytes: config.limits.csvMaxRowBytes,
    });
    const file = createReadStream(args.file);
    const bar = (io.progress ?? ((bytes) => progressBar(bytes, io.err)))(size);
    const started = Date.now();
    let result: CsvImportResult;
    try {
      result = await importer(args.tenant, file, { ...args.options, onProgress: (progress) => bar.update(file.bytesRead, progress) });
      bar.update(size, { rows: result.importedCount + rowErrors(result), errors: rowErrors(result) });
    } finally {
      bar.stop();
    }
    summarize(args, result, (Date.now() - started) / 1000, io.out);
    return 0;
  } catch (error) {
    warn(`import failed: ${describe(error)}`);
    return 1;
  } finally {
    await persistence.close();
  }
}

function parseImportArgs(argv: readonly string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { tenant: { type: 'string' }, mappings: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new Error('give exactly one CSV file');
  if (values.tenant === undefined) throw new Error('--tenant is required');
  const dryRun = values['dry-run'] === true;
  const options: CsvUploadOptions = values.mappings === undefined ? { dryRun } : { mappings: parseCsvMappings(values.mappings), dryRun };
  return { file, tenant: tenantId(values.tenant), options };
}

function summarize(args: ImportArgs, result: CsvImportResult, seconds: number, out: (text: string) => void): void {
  const rows = result.importedCount + rowErrors(result);
  const count = (value: number): string => value.toLocaleString('en-US');
  out(
    `${args.options.dryRun ? 'Dry run (nothing written): ' : ''}${count(result.importedCount)} rows imported into tenant ${args.tenant} ` +
      `(${count(result.createdCount)} created, ${count(result.updatedCount)} updated), ${count(result.errors.length)} row errors, ` +
      `${seconds.toFixed(1)} s, ${count(Math.round(rows / Math.max(seconds, 0.001)))} rows/s`,
  );
  for (const error of result.errors.slice(0, ERRORS_SHOWN)) {
    out(`  ${error.rowNumber === null ? 'more' : `row ${error.rowNumber}`}: ${error.code} ${error.messages.join('; ')}`);
  }
  if (result.errors.length > ERRORS_SHOWN) out(`  … ${count(result.errors.length - ERRORS_SHOWN)} more row errors not shown`);
}

function rowErrors(result: CsvImportResult): number {
  return result.errors.filter((error) => error.rowNumber !== null).length;
}

function describe(error: unknown): string {
  if (isInventoryError(error)) return [error.message, ...error.details.map((issue) => `  ${issue.path}: ${issue.message}`)].join('\n');
  return error instanceof Error ? error.message : String(error);
}
