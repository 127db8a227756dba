import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes bytes through until more than `maxBytes` have gone by, then fails with `tooLarge()`
 * while streaming, so an oversized body is refused without being held.
 */
export function byteLimit(maxBytes: number, tooLarge: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
}
