import { SCOPES, type Scope } from '@inventory/core';
import { randomBytes } from 'node:crypto';

const SCOPE_SETS: readonly (readonly Scope[])[] = [SCOPES, ['inventory:read'], ['inventory:write']];

/**
 * Tenants for end-to-end tests, each with three static clients (read-write, read-only,
 * write-only) configured through AUTH_CLIENTS, so every test token comes from the real issuer.
 */
export class TenantPool {
  private readonly secret = randomBytes(24).toString('base64url');
  private readonly names: string[];
  private handedOut = 0;

  constructor(size: number) {
    this.names = Array.from({ length: size }, () => `t-${randomBytes(4).toString('hex')}`);
  }

  /** The AUTH_CLIENTS value for the server. */
  authClients(): string {
    const clients = this.names.flatMap((tenant) => SCOPE_SETS.map((scopes) => ({ ...this.credentials(tenant, scopes), tenant, scopes })));
    return JSON.stringify(clients);
  }

  /** A tenant no test used yet. */
  next(): string {
    const name = this.names[this.handedOut];
    if (name === undefined) throw new Error(`all ${this.names.length} test tenants are used: enlarge the TenantPool`);
    this.handedOut += 1;
    return name;
  }

  /** Gets a token from `POST /oauth2/token` on first use, then reuses it. */
  tokenSource(baseUrl: string, tenant: string, scopes: readonly Scope[]): () => Promise<string> {
    let token: Promise<string> | undefined;
    const { clientId, clientSecret } = this.credentials(tenant, scopes);
    return () => (token ??= requestToken(baseUrl, clientId, clientSecret));
  }

  private credentials(tenant: string, scopes: readonly Scope[]): { clientId: string; clientSecret: string } {
    return { clientId: `${tenant}:${scopes.map((scope) => scope.slice('inventory:'.length)).join('+')}`, clientSecret: this.secret };
  }
}

async function requestToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) throw new Error(`token request for ${clientId} failed with ${response.status}`);
  return body.access_token;
}
