import { describe, expect, it } from 'vitest';
import { tenantId } from './tenant.js';

describe('tenantId', () => {
  it('when a claim holds NUL or a lone surrogate, it names no tenant (PostgreSQL would fold "\\ud800" and "\\udfff" into one U+FFFD)', () => {
    for (const bad of ['', 'x'.repeat(129), 'a\u0000', 'a\ud800', '\udfffb']) expect(() => tenantId(bad)).toThrow(RangeError);
    expect(tenantId('acme-😀')).toBe('acme-😀');
  });
});
