import { z } from 'zod';

/**
 * Paging values are checked by core, so a bad one is 400 10015 whatever its JSON type: a body
 * gives JSON integers (the text `"5"` is refused there), a query gives digits (see `queryInteger`).
 */
export const paging = {
  page: z.unknown().optional().meta({ type: 'integer', minimum: 1, description: '1-based page (default 1)' }),
  offset: z.unknown().optional().meta({ type: 'integer', minimum: 1, maximum: 1000, description: 'Page size, 1…1000 (default 12)' }),
};

/** A query holds only text: digits are read as the integer they spell, anything else is left for core to refuse. */
export function queryInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}
