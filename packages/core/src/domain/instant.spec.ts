import { describe, expect, it } from 'vitest';
import { parseIsoInstant, startOfUtcDay, type IsoInstant } from './instant.js';

describe('ISO instants', () => {
  it.each([
    ['2025-08-01', '2025-08-01T00:00:00.000Z'],
    ['2025-08-01T10:20:30Z', '2025-08-01T10:20:30.000Z'],
    ['2025-08-01T10:20:30.5+02:00', '2025-08-01T08:20:30.500Z'],
    ['2025-08-01T10:20', '2025-08-01T10:20:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
  ])('when %s is parsed, it becomes %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '2025-08-01T25:00:00Z', '1/2/2025', '', '0000-01-01', '2025-02-29T00:00:00Z'])('when %s is parsed, it is refused', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('cuts an instant to the start of its UTC day', () => {
    expect(startOfUtcDay('2025-06-15T23:59:59.999Z' as IsoInstant)).toBe('2025-06-15T00:00:00.000Z');
  });
});
