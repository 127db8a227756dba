import { isInventoryError } from '@inventory/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseOrThrow, toIssues } from './zod-issues.js';

const schema = z.strictObject({ quantity: z.int(), sources: z.array(z.strictObject({ source: z.string() })).optional() });

describe('toIssues', () => {
  it('names each unknown key by its own path, nested ones dotted', () => {
    const result = schema.safeParse({ quantity: 1, colour: 'red', size: 2, sources: [{ source: 'a' }, { source: 'b', extra: true }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(toIssues(result.error).map((issue) => [issue.path, issue.message])).toEqual([
        ['sources.1.extra', 'is not allowed'],
        ['colour', 'is not allowed'],
        ['size', 'is not allowed'],
      ]);
    }
  });

  it('keeps the path of a wrong type and prefixes paths when asked', () => {
    const result = schema.safeParse({ quantity: '1' });
    if (result.success) throw new Error('expected a failure');
    expect(toIssues(result.error, ['inventory', 3]).map((issue) => issue.path)).toEqual(['inventory.3.quantity']);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value, or throws VALIDATION_FAILED with every issue', () => {
    expect(parseOrThrow(schema, { quantity: 2 }, 'item')).toEqual({ quantity: 2 });
    let thrown: unknown;
    try {
      parseOrThrow(schema, { quantity: 1.5, other: 1 }, 'item');
    } catch (error) {
      thrown = error;
    }
    expect(isInventoryError(thrown) && thrown.code).toBe('VALIDATION_FAILED');
    expect(isInventoryError(thrown) && thrown.details.map((issue) => issue.path)).toEqual(['quantity', 'other']);
  });
});
