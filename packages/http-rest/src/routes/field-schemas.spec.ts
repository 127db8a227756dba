import { isInventoryError } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { text, wantsBalance } from './field-schemas.js';

describe('wantsBalance', () => {
  it('reads inventoryBalance from a comma list or an array, case-sensitively', () => {
    expect(wantsBalance(undefined)).toBe(false);
    expect(wantsBalance('')).toBe(false);
    expect(wantsBalance('inventoryBalance')).toBe(true);
    expect(wantsBalance(' inventoryBalance ,')).toBe(true);
    expect(wantsBalance(['inventoryBalance'])).toBe(true);
  });

  it('refuses an unknown expand, naming expands', () => {
    let thrown: unknown;
    try {
      wantsBalance('InventoryBalance');
    } catch (error) {
      thrown = error;
    }
    expect(isInventoryError(thrown) && thrown.details.map((issue) => issue.path)).toEqual(['expands']);
  });
});

describe('text', () => {
  it('refuses the NUL character and enforces the maximum length', () => {
    expect(text(3).safeParse('abc').success).toBe(true);
    expect(text(3).safeParse('abcd').success).toBe(false);
    expect(text().safeParse('a\u0000b').success).toBe(false);
  });

  it('refuses a lone UTF-16 surrogate with core\'s message, and keeps a well-formed pair', () => {
    expect(text().safeParse('\ud83d\ude00').success).toBe(true);
    for (const lone of ['\ud800', 'a\udfffb', '\ude00\ud83d']) {
      const parsed = text().safeParse(lone);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['must be valid Unicode (it holds a lone UTF-16 surrogate)']);
    }
  });
});
