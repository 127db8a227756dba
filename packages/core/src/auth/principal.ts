import type { TenantId } from '../domain/tenant.js';

export type Scope = 'inventory:read' | 'inventory:write';
export const SCOPES: readonly Scope[] = ['inventory:read', 'inventory:write'];

/** Who is calling: the tenant every read and write is scoped to, and what they may do. */
export interface Principal {
  readonly subject: string;
  readonly tenant: TenantId;
  readonly scopes: ReadonlySet<Scope>;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/** Reads a space-separated OAuth2 scope claim, keeping only the scopes this service knows. */
export function parseScopes(claim: unknown): Set<Scope> {
  const words = typeof claim === 'string' ? claim.split(' ') : Array.isArray(claim) ? claim : [];
  return new Set(SCOPES.filter((scope) => words.includes(scope)));
}
