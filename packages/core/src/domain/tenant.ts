/** The tenant every read and write is scoped to; only an authenticated principal may produce one. */
export type TenantId = string & { readonly __brand: 'TenantId' };

export function tenantId(value: string): TenantId {
  if (value.length === 0 || value.length > 128 || value.includes('\u0000')) {
    throw new RangeError('A tenant id is 1 to 128 characters, without NUL');
  }
  return value as TenantId;
}
