import { Transform, type TransformCallback } from 'node:stream';
import { InventoryError } from '@inventory/core';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Where the scan is within the current field, in fast-csv's grammar. */
const enum State {
  /** Nothing but whitespace yet: a quote here opens a quoted field. */
  FieldStart,
  /** Inside an unquoted field (or after a quoted one closed): a quote is a literal. */
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: `""` is an escaped quote, anything else closes the field. */
  QuoteInQuoted,
}

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
  let state = State.FieldStart;
  let rowBytes = 0;
  let line = 1;
  let rowLine = 1;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      for (const byte of chunk) {
        if (byte === LF) line += 1;
        if (state === State.QuoteInQuoted) state = byte === QUOTE ? State.Quoted : State.Unquoted;
        else if (state === State.Quoted) {
          if (byte === QUOTE) state = State.QuoteInQuoted;
        } else if (byte === QUOTE && state === State.FieldStart) {
          state = State.Quoted;
        }
        if (state !== State.Quoted && state !== State.QuoteInQuoted) {
          if (byte === LF || byte === CR) {
            state = State.FieldStart;
            rowBytes = 0;
            rowLine = line;
            continue;
          }
          if (byte === separator) state = State.FieldStart;
          else if (state === State.FieldStart && !mayBeWhitespace(byte, separator)) state = State.Unquoted;
        }
        rowBytes += 1;
        if (rowBytes > maxRowBytes) {
          callback(rowTooLong(maxRowBytes, rowLine));
          return;
        }
      }
      callback(null, chunk);
    },
  });
}

function mayBeWhitespace(byte: number, separator: number): boolean {
  return byte !== separator && (byte === SPACE || byte === TAB || byte === 0x0b || byte === 0x0c || byte >= 0x80);
}

function rowTooLong(maxRowBytes: number, line: number): InventoryError {
  return new InventoryError('PAYLOAD_TOO_LARGE', `A CSV row is longer than ${maxRowBytes} bytes; the file is refused from that row on (limit CSV_MAX_ROW_BYTES)`, [
    { path: 'file', message: `the row starting on line ${line} is longer than ${maxRowBytes} bytes` },
  ]);
}
