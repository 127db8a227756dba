/** What a token must carry to be accepted: the same rules for the built-in and external issuers. */
export interface TokenRules {
  readonly issuer: string;
  readonly audience: string;
  /** The claim that names the tenant (`AUTH_TENANT_CLAIM`, default `tenant`). */
  readonly tenantClaim: string;
  /** The signature algorithms accepted; never `none` nor a symmetric one. */
  readonly algorithms: readonly string[];
}

/** Seconds of clock difference tolerated between the issuer and this server for `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Lifetime of the built-in issuer's access tokens, announced as `expires_in`. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 1800;

/** Claims the issuer sets itself; a tenant claim may not reuse one of their names. */
export const REGISTERED_CLAIMS: readonly string[] = ['iss', 'aud', 'sub', 'exp', 'nbf', 'iat', 'jti', 'scope', 'client_id'];
