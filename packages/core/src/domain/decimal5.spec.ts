import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal5FromNumber, decimal5ToNumber, formatDecimal5, parseDecimal5, type Decimal5 } from './decimal5.js';

describe('decimal(10,5)', () => {
  it.each([
    ['12345.67891', 1_234_567_891],
    ['0.00001', 1],
    ['-99999.99999', -9_999_999_999],
    ['12.99', 1_299_000],
    ['1e-5', 1],
    ['1.5E3', 150_000_000],
    ['007.50000', 750_000],
    ['-0', 0],
  ])('when %s is parsed, it holds %i units', (text, units) => {
    expect(parseDecimal5(text)).toBe(units);
  });

  it.each([['0.000001', 'at most 5 decimal'], ['100000', 'less than 100000'], ['1e5', 'less than 100000'], ['abc', 'decimal number'], ['', 'decimal number'], ['1.2.3', 'decimal number']])(
    'when %s is parsed, it is refused (%s)',
    (text, message) => {
      expect(parseDecimal5(text)).toContain(message);
    },
  );

  it('when a JS number has float noise beyond 5 decimals, it is refused', () => {
    expect(decimal5FromNumber(0.1 + 0.2)).toContain('at most 5 decimal');
    expect(decimal5FromNumber(Number.NaN)).toContain('finite');
  });

  it('round-trips every decimal(10,5) through its number and its text exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), (units) => {
        const value = units as Decimal5;
        expect(decimal5FromNumber(decimal5ToNumber(value))).toBe(value);
        expect(parseDecimal5(formatDecimal5(value))).toBe(value);
        expect(JSON.parse(JSON.stringify(decimal5ToNumber(value)))).toBe(decimal5ToNumber(value));
      }),
    );
  });

  it('formats without trailing zeros', () => {
    expect(formatDecimal5(1_234_567_891 as Decimal5)).toBe('12345.67891');
    expect(formatDecimal5(-50_000 as Decimal5)).toBe('-0.5');
    expect(formatDecimal5(300_000 as Decimal5)).toBe('3');
  });
});
