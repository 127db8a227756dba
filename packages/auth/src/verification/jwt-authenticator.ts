import { AuthenticationError, parseScopes, tenantId, type Authenticator, type Clock, type Principal, type TenantId } from '@inventory/core';
import { errors, jwtVerify, type FlattenedJWSInput, type JWTHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { bearerToken } from './bearer-token.js';
import { VERIFIED_TOKEN_CACHE_SIZE, VerifiedTokenCache } from './verified-token-cache.js';
import { CLOCK_TOLERANCE_SECONDS, type TokenRules } from '../token-rules.js';

export interface JwtAuthenticatorOptions {
  /** Verified tokens kept to skip repeated signature checks (see {@link VerifiedTokenCache}); 0 keeps none. */
  readonly cachedTokens?: number;
}

/**
 * Turns a Bearer JWT into a principal: signature with a pinned algorithm, `iss`, `aud`, required
 * `exp`, `nbf`, a non-empty string tenant claim. Every failure is an {@link AuthenticationError};
 * its message names the failed check and never repeats the token. A token that passed is kept in a
 * {@link VerifiedTokenCache} and answered from it while its `exp` and its key still hold.
 */
export class JwtAuthenticator implements Authenticator {
  private readonly cache: VerifiedTokenCache | undefined;

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly rules: TokenRules,
    private readonly clock: Clock,
    options: JwtAuthenticatorOptions = {},
  ) {
    const size = options.cachedTokens ?? VERIFIED_TOKEN_CACHE_SIZE;
    this.cache = size > 0 ? new VerifiedTokenCache(keys, clock, size) : undefined;
  }

  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    const token = bearerToken(authorizationHeader);
    const cached = await this.cache?.principalOf(token);
    if (cached !== undefined) return cached;
    const { payload, header, input, key } = await this.verify(token);
    const principal: Principal = {
      subject: typeof payload.sub === 'string' ? payload.sub : '',
      tenant: this.tenantOf(payload),
      scopes: parseScopes(payload['scope']),
    };
    // jwtVerify has checked `exp` is a number (it is required).
    this.cache?.remember(token, { principal, expiresAtMs: (payload.exp as number) * 1000, header, input, key });
    return principal;
  }

  private async verify(token: string): Promise<{ payload: JWTPayload; header: JWTHeaderParameters; input: FlattenedJWSInput; key: unknown }> {
    let used: { header: JWTHeaderParameters; input: FlattenedJWSInput; key: unknown } | undefined;
    // Notes the key the signature is checked with, so the cache can tell when it is gone.
    const keys: JWTVerifyGetKey = async (header, input) => {
      const key = await this.keys(header, input);
      used = { header, input, key };
      return key;
    };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: [...this.rules.algorithms],
        issuer: this.rules.issuer,
        audience: this.rules.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock.now()),
      }));
    } catch (error) {
      throw new AuthenticationError('invalid', reasonOf(error));
    }
    if (used === undefined) throw new Error('jose verified a token without asking for its key');
    return { payload, ...used };
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

