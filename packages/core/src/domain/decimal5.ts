import type { Issue } from './errors.js';

/**
 * A decimal(10,5) value held exactly as an integer count of 1e-5 units: at most 5 integer and
 * 5 fraction digits, so every value is a safe integer and no binary-float drift can creep in.
 */
export type Decimal5 = number & { readonly __brand: 'Decimal5' };

const SCALE = 100_000;
const MAX_UNITS = 9_999_999_999;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export const ZERO_DECIMAL5 = 0 as Decimal5;

/**
 * Parses a decimal written as text (a JSON number's shortest form, a CSV cell, PostgreSQL numeric).
 * Returns an issue message instead when it has more than 5 decimals or 5 integer digits.
 */
export function parseDecimal5(text: string): Decimal5 | string {
  const expanded = expandExponent(text.trim());
  const match = DECIMAL.exec(expanded);
  if (match === null) return 'must be a decimal number';
  const [, sign = '', integer = '0', fraction = ''] = match;
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > 5) return 'must have at most 5 decimal places';
  const integerDigits = integer.replace(/^0+(?=\d)/, '');
  if (integerDigits.length > 5) return 'must be less than 100000 in absolute value';
  const units = Number(integerDigits) * SCALE + Number(significantFraction.padEnd(5, '0'));
  if (units > MAX_UNITS) return 'must be less than 100000 in absolute value';
  return (sign === '-' && units !== 0 ? -units : units) as Decimal5;
}

/** The decimal nearest to a JS number, refused when the number is not a decimal(10,5). */
export function decimal5FromNumber(value: number): Decimal5 | string {
  if (!Number.isFinite(value)) return 'must be a finite number';
  return parseDecimal5(String(value));
}

/** The JS number that prints as this decimal (the shortest round-trip form of a double). */
export function decimal5ToNumber(value: Decimal5): number {
  return value / SCALE;
}

/** Exact decimal text, e.g. `12345.67891`, `-0.5`, `3`. */
export function formatDecimal5(value: Decimal5): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const integer = Math.floor(abs / SCALE);
  const fraction = String(abs % SCALE).padStart(5, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}

export function decimal5Issue(path: string, value: number): Issue | undefined {
  const parsed = decimal5FromNumber(value);
  return typeof parsed === 'string' ? { path, message: parsed } : undefined;
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text);
  if (match === null) return text;
  const [, sign = '', integer = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = integer + fraction;
  const pointAt = integer.length + exponent;
  if (Math.abs(exponent) > 40) return text;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}
