import type { TokenAttemptLimits } from './endpoint/token-attempt-limiter.js';
import type { StaticClient } from './static-client.js';

/** The `AUTH_*` configuration, as the server's config module validated it. */
export interface AuthSettings {
  /** `AUTH_CLIENTS`: clients of the built-in issuer whose secrets live in the environment. */
  readonly clients: readonly StaticClient[];
  /** `AUTH_ISSUER`: the `iss` the built-in issuer writes, or the external one must write. */
  readonly issuer: string;
  /** `AUTH_AUDIENCE`: the `aud` tokens must carry. */
  readonly audience: string;
  /** `AUTH_TENANT_CLAIM`: the claim that names the tenant. */
  readonly tenantClaim: string;
  /** `AUTH_JWKS_URL`: set for an external issuer, which turns the built-in one off. */
  readonly jwksUrl?: string | undefined;
  /** `AUTH_TOKEN_*`: how failed token requests are throttled; the defaults when absent. */
  readonly tokenAttempts?: TokenAttemptLimits | undefined;
}
