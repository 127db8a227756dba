import type { Issue } from './errors.js';
import { LIMITS } from './field-limits.js';

/**
 * A lone UTF-16 surrogate (`"\ud800"` is valid JSON) is no Unicode character: the databases
 * would store U+FFFD in its place, and lookups by the text sent would then miss. In a `u` regex a
 * well-formed pair is one code point, so only lone surrogates match (`String#isWellFormed`).
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why a text cannot be stored exactly as sent, or undefined when it can: the one rule for every
 * text a client gives (record and product fields, lookup keys, filters), whatever the transport.
 */
export function textIssue(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it holds a lone UTF-16 surrogate)';
  return undefined;
}

/** Small checks that collect issues instead of throwing, so one pass reports every bad field. */
export class IssueCollector {
  readonly issues: Issue[] = [];

  /** A text field: at most `max` characters, and storable as sent ({@link textIssue}). */
  maxLength(path: string, value: string | undefined, max: number): void {
    if (value === undefined) return;
    if (value.length > max) this.add(path, `must be at most ${max} characters`);
    const issue = textIssue(value);
    if (issue !== undefined) this.add(path, issue);
  }

  integer(path: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (!Number.isInteger(value)) this.add(path, 'must be an integer');
    else if (value < min || value > max) this.add(path, `must be between ${min} and ${max}`);
  }

  id(path: string, value: number | undefined, min: 0 | 1): void {
    this.integer(path, value, min, LIMITS.idMax);
  }

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
}
