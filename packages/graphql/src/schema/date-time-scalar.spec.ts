import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './date-time-scalar.js';

describe('DateTime output', () => {
  it('sends an instant already in the canonical form as it is', () => {
    expect(DateTimeScalar.serialize('2099-01-01T00:00:00.000Z')).toBe('2099-01-01T00:00:00.000Z');
  });

  it.each([
    ['a date alone', '2099-01-01', '2099-01-01T00:00:00.000Z'],
    ['an offset', '2099-01-01T02:00:00+02:00', '2099-01-01T00:00:00.000Z'],
    ['no milliseconds', '2099-01-01T00:00:00Z', '2099-01-01T00:00:00.000Z'],
  ])('writes %s in the canonical form', (_name, value, canonical) => {
    expect(DateTimeScalar.serialize(value)).toBe(canonical);
  });

  it.each([['not a date'], ['2099-02-30'], [42]])('refuses %s', (value) => {
    expect(() => DateTimeScalar.serialize(value)).toThrow('ISO 8601');
  });
});
