import { Transform, type TransformCallback } from 'node:stream';
import { validationFailed } from '@inventory/core';

/**
 * Passes the bytes through unchanged while checking they are UTF-8 (a fatal streaming
 * `TextDecoder`, so a character split across chunks is fine). A Latin-1 or Windows-1252 export
 * would otherwise be read with U+FFFD in place of every accented letter and stored that way.
 */
export function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const check = (chunk: Buffer | undefined): Error | undefined => {
    try {
      if (chunk === undefined) decoder.decode();
      else decoder.decode(chunk, { stream: true });
      return undefined;
    } catch {
      return notUtf8(offset, offset + (chunk?.length ?? 0));
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const error = check(chunk);
      offset += chunk.length;
      callback(error, error === undefined ? chunk : undefined);
    },
    flush(callback: TransformCallback) {
      callback(check(undefined));
    },
  });
}

function notUtf8(from: number, to: number): Error {
  const where = from === to ? 'at its end' : `within bytes ${from}–${to}`;
  return validationFailed([{ path: 'file', message: `is not valid UTF-8 (${where}); save the file as UTF-8` }], 'The CSV file is not UTF-8 text');
}
