import { AuthenticationError, parseScopes, tenantId, type Authenticator, type Principal } from '@inventory/core';

/** Test bearer tokens: `<tenant>:<scope …>`, e.g. `tenant-a:inventory:read inventory:write`. */
export function tokenFor(tenant: string, ...scopes: string[]): string {
  return `${tenant}|${scopes.join(' ')}`;
}

export const READ_A = tokenFor('tenant-a', 'inventory:read');
export const WRITE_A = tokenFor('tenant-a', 'inventory:read', 'inventory:write');
export const WRITE_B = tokenFor('tenant-b', 'inventory:read', 'inventory:write');
export const NO_SCOPE_A = tokenFor('tenant-a');

/** Accepts exactly the tokens {@link tokenFor} makes; anything else is an invalid token. */
export class StaticTokenAuthenticator implements Authenticator {
  readonly calls: (string | undefined)[] = [];

  authenticate(header: string | undefined): Promise<Principal> {
    this.calls.push(header);
    if (header === undefined) return Promise.reject(new AuthenticationError('missing', 'no credentials'));
    const match = /^Bearer (tenant-[a-z0-9-]+)\|(.*)$/.exec(header);
    if (match?.[1] === undefined) return Promise.reject(new AuthenticationError('invalid', 'unknown token'));
    return Promise.resolve({ subject: `client-of-${match[1]}`, tenant: tenantId(match[1]), scopes: parseScopes(match[2]) });
  }
}
