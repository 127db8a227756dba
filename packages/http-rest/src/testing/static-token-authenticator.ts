import { AuthenticationError, tenantId, type Authenticator, type Principal, type Scope } from '@inventory/core';

export interface StaticToken {
  readonly tenant: string;
  readonly scopes: readonly Scope[];
}

/**
 * An authenticator over a fixed table of bearer tokens, for tests of the transports: no header is
 * 'missing', a malformed header or an unknown token is 'invalid', like the real verifier.
 */
export class StaticTokenAuthenticator implements Authenticator {
  private readonly principals = new Map<string, Principal>();

  constructor(tokens: Readonly<Record<string, StaticToken>> = {}) {
    for (const [token, grant] of Object.entries(tokens)) this.add(token, grant);
  }

  /** Accepts one more token from now on (tests give each scenario a fresh tenant). */
  add(token: string, { tenant, scopes }: StaticToken): void {
    this.principals.set(token, { subject: `test:${tenant}`, tenant: tenantId(tenant), scopes: new Set(scopes) });
  }

  authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    if (authorizationHeader === undefined || authorizationHeader === '') {
      return Promise.reject(new AuthenticationError('missing', 'A bearer token is required'));
    }
    const match = /^Bearer +(\S+)$/i.exec(authorizationHeader);
    const principal = match?.[1] === undefined ? undefined : this.principals.get(match[1]);
    if (principal === undefined) return Promise.reject(new AuthenticationError('invalid', 'The bearer token is not valid'));
    return Promise.resolve(principal);
  }
}
