import { parseDecimal5 } from '@inventory/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postgresDialect } from './postgres-dialect.js';

describe('postgresDialect.readCost', () => {
  it('reads numeric(10,5) text as the same Decimal5 as the general parser, for every value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), (units) => {
        const text = `${units < 0 ? '-' : ''}${Math.floor(Math.abs(units) / 100_000)}.${String(Math.abs(units) % 100_000).padStart(5, '0')}`;
        expect(postgresDialect.readCost(text)).toBe(parseDecimal5(text));
      }),
    );
  });

  it('when the text is not in numeric(10,5) form, the general parser reads it or refuses it', () => {
    expect(postgresDialect.readCost('12.5')).toBe(1_250_000);
    expect(postgresDialect.readCost('0.00000')).toBe(0);
    expect(() => postgresDialect.readCost('1.123456')).toThrow('not a decimal(10,5)');
  });
});
