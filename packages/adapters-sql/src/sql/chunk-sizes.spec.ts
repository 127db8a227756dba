import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSizes } from './chunk-sizes.js';

describe('chunkSizes', () => {
  it('when rows exceed a chunk, full chunks come first and the rest in falling powers of two', () => {
    expect(chunkSizes(300, 128)).toEqual([128, 128, 32, 8, 4]);
    expect(chunkSizes(1, 128)).toEqual([1]);
    expect(chunkSizes(0, 128)).toEqual([]);
  });

  it('covers every row with sizes from a small fixed set', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), (count) => {
        const sizes = chunkSizes(count, 64);
        expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(count);
        expect(sizes.every((size) => [64, 32, 16, 8, 4, 2, 1].includes(size))).toBe(true);
      }),
    );
  });
});
