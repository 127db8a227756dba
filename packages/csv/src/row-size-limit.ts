import { Transform, type TransformCallback } from 'node:stream';
import { InventoryError } from '@inventory/core';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Where the scan is within the current field, in fast-csv's grammar. */
const State = {
  /** Nothing but whitespace yet: a quote here opens a quoted field. */
  FieldStart: 0,
  /** Inside an unquoted field (or after a quoted one closed): a quote is a literal. */
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: `""` is an escaped quote, anything else closes the field. */
  QuoteInQuoted: 3,
} as const;
type State = (typeof State)[keyof typeof State];

/**
 * Fails with PAYLOAD_TOO_LARGE once one row passes `maxRowBytes`, before fast-csv sees it.
 * fast-csv re-reads the unfinished row with every chunk that arrives, so its time grows with the
 * square of a row's length: one quoted field of a few MB, or a line of millions of commas, would
 * hold the event loop for minutes. The scan follows fast-csv's grammar (a quote opens a field only
 * after leading whitespace; CR, LF or CRLF end a row outside quotes) and leans to counting too
 * much: any non-ASCII byte counts as possible leading whitespace, as fast-csv's `\s` would.
 */
export function rowSizeLimit(maxRowBytes: number, delimiter: string): Transform {
  const separator = delimiter.charCodeAt(0);
  let state: State = State.FieldStart;
  let rowBytes = 0;
  let line = 1;
  let rowLine = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      // A plain typed array and tight loops per state: this runs over every byte of every upload.
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      const length = bytes.length;
      let index = 0;
      while (index < length) {
        const start = index;
        if (state === State.Quoted) {
          while (index < length && bytes[index] !== QUOTE) {
            if (bytes[index] === LF) line += 1;
            index += 1;
          }
          if (index < length) {
            state = State.QuoteInQuoted;
            index += 1;
          }
          rowBytes += index - start;
        } else if (state === State.QuoteInQuoted) {
          if (bytes[index] === QUOTE) {
            state = State.Quoted;
            index += 1;
            rowBytes += 1;
          } else state = State.Unquoted;
        } else if (state === State.Unquoted) {
          let byte = bytes[index];
          while (byte !== LF && byte !== CR && byte !== separator && index < length) byte = bytes[++index];
          rowBytes += index - start;
          if (index < length) {
            index += 1;
            if (byte === separator) {
              state = State.FieldStart;
              rowBytes += 1;
            } else {
              if (byte === LF) line += 1;
              state = State.FieldStart;
              rowBytes = 0;
              rowLine = line;
            }
          }
        } else {
          const byte = bytes[index] ?? 0;
          index += 1;
          if (byte === QUOTE) state = State.Quoted;
          else if (byte === LF || byte === CR) {
            if (byte === LF) line += 1;
            rowBytes = -1;
            rowLine = line;
          } else if (byte !== separator && !mayBeWhitespace(byte)) state = State.Unquoted;
          rowBytes += 1;
        }
        if (rowBytes > maxRowBytes) {
          callback(rowTooLong(maxRowBytes, rowLine));
          return;
        }
      }
      callback(null, chunk);
    },
  });
}

function mayBeWhitespace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === 0x0b || byte === 0x0c || byte >= 0x80;
}

function rowTooLong(maxRowBytes: number, line: number): InventoryError {
  return new InventoryError('PAYLOAD_TOO_LARGE', `A CSV row is longer than ${maxRowBytes} bytes; the file is refused from that row on (limit CSV_MAX_ROW_BYTES)`, [
    { path: 'file', message: `the row starting on line ${line} is longer than ${maxRowBytes} bytes` },
  ]);
}
