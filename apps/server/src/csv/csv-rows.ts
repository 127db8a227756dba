import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { parse } from 'fast-csv';
import { InventoryError } from '@inventory/core';

export interface CsvReadOptions {
  /** Bytes accepted; one more stops the import with PAYLOAD_TOO_LARGE while streaming. */
  readonly maxBytes: number;
}

const DELIMITERS = [',', ';', '\t'] as const;
const PEEK_LIMIT = 64 * 1024;

/**
 * Streams a CSV file as rows of cells (fast-csv), with back-pressure: the consumer's pace sets how
 * much is read, so memory stays flat. The delimiter (comma, semicolon or tab) is detected from the
 * header line; a BOM, CRLF and quoted fields with delimiters, quotes and newlines are handled.
 */
export async function* csvRows(input: Readable, options: CsvReadOptions): AsyncGenerator<string[]> {
  const { head, rest } = await peekFirstLine(input);
  const delimiter = detectDelimiter(head.toString('utf8'));
  const source = Readable.from(prepend(head, rest), { objectMode: false });
  const parser = pipeline(source, byteLimit(options.maxBytes), parse({ delimiter, ignoreEmpty: true }), () => undefined);
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

/** The delimiter that occurs most often outside quotes in the header line; comma on a tie. */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, delimiter) => ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0) ? delimiter : best), ',');
}

function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new InventoryError('PAYLOAD_TOO_LARGE', `The CSV file is larger than ${maxBytes} bytes; split it or raise CSV_MAX_BYTES`));
      else callback(null, chunk);
    },
  });
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
