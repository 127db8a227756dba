import { PassThrough, type Readable } from 'node:stream';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
import { validationFailed } from '@inventory/core';
import { parseCsvOptions, type CsvUploadOptions, type RawCsvOptions } from '@inventory/csv';
import type { Request } from 'express';

/** A CSV file arriving in a request, and what the client chose for its import. */
export interface CsvUpload {
  /** The file's bytes as they arrive; nothing is buffered beyond the stream's window. */
  readonly file: Readable;
  readonly options: CsvUploadOptions;
  /** Stops reading the file and discards the rest of the body, so the answer can go out now. */
  release(): void;
}

/** Largest multipart text field (mappings); the file itself has its own limit downstream. */
const FIELD_LIMIT_BYTES = 64 * 1024;
const OPTION_FIELDS = new Set(['mappings', 'dryRun']);

/**
 * Streams the CSV file of a `text/csv` body (options from the query) or of a `multipart/form-data`
 * body (field `file`; options from the query or from fields sent before the file). Resolves as soon
 * as the file starts, so the import runs while the body is still arriving.
 */
export function readCsvUpload(req: Request, query: RawCsvOptions): Promise<CsvUpload> {
  if (typeof req.is('multipart/form-data') === 'string') return readMultipart(req, query);
  if (typeof req.is(['text/csv', 'application/csv']) === 'string') return Promise.resolve(readTextCsv(req, query));
  return Promise.reject(validationFailed([{ path: 'content-type', message: 'must be text/csv or multipart/form-data' }], 'A CSV import needs a CSV body'));
}

function readTextCsv(req: Request, query: RawCsvOptions): CsvUpload {
  const options = parseCsvOptions(query);
  const file = new PassThrough();
  req.pipe(file);
  return { file, options, release: () => discardRest(req, file) };
}

function readMultipart(req: Request, query: RawCsvOptions): Promise<CsvUpload> {
  return new Promise((resolve, reject) => {
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({ headers: { ...req.headers, 'content-type': req.headers['content-type'] ?? '' }, limits: { fieldSize: FIELD_LIMIT_BYTES, fields: 10, parts: 20 } });
    } catch {
      reject(validationFailed([{ path: 'content-type', message: 'must be multipart/form-data with a boundary' }], 'Invalid multipart CSV upload'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: PassThrough | undefined;
    const fail = (path: string, message: string): void => {
      const error = validationFailed([{ path, message }], 'Invalid multipart CSV upload');
      if (file !== undefined) {
        file.destroy(error);
        return;
      }
      discardRest(req, busboy);
      reject(error);
    };
    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (!OPTION_FIELDS.has(name)) fail(name, 'is not allowed: the fields are file, mappings and dryRun');
      else if (file !== undefined) fail(name, 'must come before the file part');
      else if (valueTruncated) fail(name, `is longer than ${FIELD_LIMIT_BYTES} bytes`);
      else fields[name] = value;
    });
    busboy.on('file', (name, stream: BusboyFileStream) => {
      // A body cut short inside a file part errors that part's stream: never unhandled.
      stream.on('error', () => {
        if (file !== undefined && !file.writableEnded) file.destroy(validationFailed([{ path: 'body', message: 'is not a well-formed multipart body' }], 'Invalid multipart CSV upload'));
      });
      if (name !== 'file' || file !== undefined) {
        stream.resume();
        fail(name, name === 'file' ? 'only one file can be imported per request' : 'is not allowed: the file goes in the field "file"');
        return;
      }
      let options: CsvUploadOptions;
      try {
        options = parseCsvOptions({ ...query, ...fields });
      } catch (error) {
        stream.resume();
        discardRest(req, busboy);
        reject(error instanceof Error ? error : new Error('invalid CSV import options'));
        return;
      }
      const upload = new PassThrough();
      // A small body is parsed whole before the importer starts reading: its error then reaches
      // the importer through the stream's errored state, not as an unhandled 'error' event.
      upload.on('error', () => undefined);
      file = upload;
      // The file ends with the body, so a field sent after it is still refused.
      stream.pipe(upload, { end: false });
      resolve({ file: upload, options, release: () => discardRest(req, busboy) });
    });
    busboy.on('finish', () => {
      if (file === undefined) fail('file', 'is required');
      else file.end();
    });
    busboy.on('error', () => {
      fail('body', 'is not a well-formed multipart body');
    });
    req.pipe(busboy);
  });
}

/** Detaches the body from its reader and lets it flow into nothing (the connection stays usable). */
function discardRest(req: Request, reader: NodeJS.WritableStream): void {
  req.unpipe(reader);
  req.resume();
}
