import type { Response } from 'express';

/**
 * The error codes of RFC 6749 this token endpoint answers; `temporarily_unavailable` (RFC 6749
 * docs/authentication.md) is the refusal of a throttled client, with `Retry-After`.
 */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'temporarily_unavailable';

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  temporarily_unavailable: 429,
};

/** A token request refused with an RFC 6749 §5.2 error; the description is fixed text, never input. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** True when the client sent HTTP Basic credentials, which then earn a Basic challenge. */
    readonly basicChallenge = false,
    /** Seconds the client must wait before trying again, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

/** Writes an {@link OAuthError} as RFC 6749 §5.2 JSON, uncacheable like every token response. */
export function sendOAuthError(res: Response, error: OAuthError): void {
  if (error.basicChallenge) res.set('WWW-Authenticate', 'Basic realm="inventory", charset="UTF-8"');
  if (error.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.retryAfterSeconds));
  res
    .status(STATUS[error.code])
    .set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    .json({ error: error.code, error_description: error.description });
}
