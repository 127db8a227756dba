import { pipeline, Readable } from 'node:stream';
import { parse } from 'fast-csv';
import { InventoryError } from '@inventory/core';
import { byteLimit } from './byte-limit.js';
import { detectDelimiter } from './detect-delimiter.js';
import { rowSizeLimit } from './row-size-limit.js';
import { utf8Only } from './utf8-only.js';

export interface CsvReadOptions {
  /** Bytes accepted; one more stops the import with PAYLOAD_TOO_LARGE while streaming. */
  readonly maxBytes: number;
  /** Bytes of one row (header included); one more stops the import with PAYLOAD_TOO_LARGE. */
  readonly maxRowBytes: number;
}

const PEEK_LIMIT = 64 * 1024;

/**
 * Streams a CSV file as rows of cells (fast-csv), with back-pressure: the consumer's pace sets how
 * much is read, so memory stays flat. The delimiter (comma, semicolon or tab) is detected from the
 * header line; a BOM, CRLF and quoted fields with delimiters, quotes and newlines are handled.
 * Bytes that are not UTF-8 stop it with VALIDATION_FAILED, a row over `maxRowBytes` with
 * PAYLOAD_TOO_LARGE, both before the row reaches fast-csv.
 */
export async function* csvRows(input: Readable, options: CsvReadOptions): AsyncGenerator<string[]> {
  const { head, rest } = await peekFirstLine(input);
  const delimiter = detectDelimiter(head.toString('utf8'));
  const source = Readable.from(prepend(head, rest), { objectMode: false });
  const parser = pipeline(
    source,
    byteLimit(options.maxBytes, () => new InventoryError('PAYLOAD_TOO_LARGE', `The CSV file is larger than ${options.maxBytes} bytes; split it or raise CSV_MAX_BYTES`)),
    utf8Only(),
    rowSizeLimit(options.maxRowBytes, delimiter),
    parse({ delimiter, ignoreEmpty: true }),
    () => undefined,
  );
  try {
    for await (const row of parser as AsyncIterable<string[]>) yield row;
  } catch (error) {
    throw asImportError(error);
  } finally {
    source.destroy();
    input.destroy();
  }
}

async function peekFirstLine(input: Readable): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const rest = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < PEEK_LIMIT) {
    const next = await rest.next();
    if (next.done === true) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  return { head: Buffer.concat(chunks), rest };
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

function asImportError(error: unknown): unknown {
  if (error instanceof InventoryError) return error;
  if (error instanceof Error && error.message.startsWith('Parse Error')) {
    return new InventoryError('VALIDATION_FAILED', `The CSV file is malformed: ${error.message.replace(/^Parse Error: /, '').slice(0, 200)}`, [
      { path: 'file', message: 'unclosed quote or malformed field' },
    ]);
  }
  return error;
}
