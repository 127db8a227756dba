import { textIssue } from './value-rules.js';

/** The tenant every read and write is scoped to; only an authenticated principal may produce one. */
export type TenantId = string & { readonly __brand: 'TenantId' };

export function tenantId(value: string): TenantId {
  if (value.length === 0 || value.length > 128 || textIssue(value) !== undefined) {
    throw new RangeError('A tenant id is 1 to 128 characters of valid Unicode, without NUL');
  }
  return value as TenantId;
}
