import type { Clock, Scope } from '@inventory/core';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { BUILT_IN_ALGORITHM, type SigningKeyRing } from './signing-key-ring.js';
import type { ClientGrant } from '../static-client.js';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type TokenRules } from '../token-rules.js';

/** An access token as the token endpoint answers it (RFC 6749 §5.1). */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly scope: string;
}

/** Signs access tokens (RFC 9068 profile) for authenticated clients with the current shared key. */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeyRing,
    private readonly clock: Clock,
    private readonly rules: Pick<TokenRules, 'issuer' | 'audience' | 'tenantClaim'>,
  ) {}

  async issue(grant: ClientGrant, scopes: readonly Scope[]): Promise<IssuedToken> {
    const { kid, key } = await this.keys.signingKey();
    const issuedAt = Math.floor(Date.parse(this.clock.now()) / 1000);
    const scope = scopes.join(' ');
    const accessToken = await new SignJWT({ [this.rules.tenantClaim]: grant.tenant, scope, client_id: grant.clientId })
      .setProtectedHeader({ alg: BUILT_IN_ALGORITHM, kid, typ: 'at+jwt' })
      .setIssuer(this.rules.issuer)
      .setAudience(this.rules.audience)
      .setSubject(grant.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(key);
    return { accessToken, expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS, scope };
  }
}
