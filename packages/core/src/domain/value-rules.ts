import type { Issue } from './errors.js';
import { LIMITS } from './field-limits.js';

/** Small checks that collect issues instead of throwing, so one pass reports every bad field. */
export class IssueCollector {
  readonly issues: Issue[] = [];

  /** A text field: at most `max` characters, and no NUL character (PostgreSQL text cannot hold one). */
  maxLength(path: string, value: string | undefined, max: number): void {
    if (value === undefined) return;
    if (value.length > max) this.add(path, `must be at most ${max} characters`);
    if (value.includes('\u0000')) this.add(path, 'must not contain the NUL character');
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
