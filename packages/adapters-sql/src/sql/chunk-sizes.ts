/**
 * Splits `count` rows into multi-row statements of at most `max` rows (a power of two): full
 * chunks, then the remainder in falling powers of two. Statement texts depend only on the chunk
 * size, so a statement cache holds at most log2(max) + 1 texts per statement kind.
 */
export function chunkSizes(count: number, max: number): number[] {
  const sizes: number[] = [];
  let left = count;
  for (let size = max; left > 0; size /= 2) {
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/** Calls `write` for each chunk of `items`, in order. */
export async function forEachChunk<T>(items: readonly T[], max: number, write: (chunk: readonly T[]) => Promise<void>): Promise<void> {
  let offset = 0;
  for (const size of chunkSizes(items.length, max)) {
    await write(items.slice(offset, offset + size));
    offset += size;
  }
}
