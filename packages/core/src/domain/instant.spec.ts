import { describe, expect, it } from 'vitest';
import { parseIsoInstant, startOfUtcDay, type IsoInstant } from './instant.js';

describe('ISO instants', () => {
  it.each([
    ['2025-08-01', '2025-08-01T00:00:00.000Z'],
    ['2025-08-01T10:20:30Z', '2025-08-01T10:20:30.000Z'],
    ['2025-08-01T10:20:30.5+02:00', '2025-08-01T08:20:30.500Z'],
    ['2025-08-01T10:20', '2025-08-01T10:20:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['0100-01-01T00:00:00Z', '0100-01-01T00:00:00.000Z'],
    ['0100-01-01T10:00:00+10:00', '0100-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['9999-12-31T10:00:00-13:59', '9999-12-31T23:59:00.000Z'],
    ['2025-01-01T23:59', '2025-01-01T23:59:00.000Z'],
  ])('when %s is parsed, it becomes %s', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '2025-08-01T25:00:00Z', '1/2/2025', '', '0000-01-01', '0099-12-31', '2025-02-29T00:00:00Z'])('when %s is parsed, it is refused', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it.each(['0100-01-01T00:00:00+14:00', '0100-01-01T09:59:59.999+10:00', '9999-12-31T23:00:00-14:00', '9999-12-31T23:59:59.999-00:01'])(
    'when the offset moves %s outside years 0100–9999 in UTC, it is refused',
    (text) => {
      expect(parseIsoInstant(text)).toBeUndefined();
    },
  );

  it.each(['2025-01-01T24:00', '2025-01-01T24:00:00Z', '2025-01-01T24:00:00.000+02:00', '2025-01-01 24:00'])('when %s names hour 24, it is refused instead of rolling into the next day', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('cuts an instant to the start of its UTC day', () => {
    expect(startOfUtcDay('2025-06-15T23:59:59.999Z' as IsoInstant)).toBe('2025-06-15T00:00:00.000Z');
  });
});
