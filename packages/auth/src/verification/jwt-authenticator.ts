import { AuthenticationError, parseScopes, tenantId, type Authenticator, type Clock, type Principal, type TenantId } from '@inventory/core';
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { bearerToken } from './bearer-token.js';
import { CLOCK_TOLERANCE_SECONDS, type TokenRules } from '../token-rules.js';

/**
 * Turns a Bearer JWT into a principal: signature with a pinned algorithm, `iss`, `aud`, required
 * `exp`, `nbf`, a non-empty string tenant claim. Every failure is an {@link AuthenticationError};
 * its message names the failed check and never repeats the token.
 */
export class JwtAuthenticator implements Authenticator {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly rules: TokenRules,
    private readonly clock: Clock,
  ) {}

  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    const token = bearerToken(authorizationHeader);
    const payload = await this.verify(token);
    return {
      subject: typeof payload.sub === 'string' ? payload.sub : '',
      tenant: this.tenantOf(payload),
      scopes: parseScopes(payload['scope']),
    };
  }

  private async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [...this.rules.algorithms],
        issuer: this.rules.issuer,
        audience: this.rules.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock.now()),
      });
      return payload;
    } catch (error) {
      throw new AuthenticationError('invalid', reasonOf(error));
    }
  }

  private tenantOf(payload: JWTPayload): TenantId {
    const claim = payload[this.rules.tenantClaim];
    try {
      if (typeof claim === 'string') return tenantId(claim);
    } catch {
      // a tenant id out of range is rejected below, like a missing one
    }
    throw new AuthenticationError('invalid', 'the token names no valid tenant');
  }
}

/** A fixed description per failed check, so no token content reaches a response or a log. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'iat') return 'the token was issued in the future';
    return `the token's "${error.claim}" claim is missing or not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature is invalid";
  if (error instanceof errors.JWKSNoMatchingKey) return "the token's signing key is unknown";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token is invalid';
}

