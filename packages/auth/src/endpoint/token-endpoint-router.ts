import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { ClientVerifier } from '../clients/client-verifier.js';
import type { AccessTokenIssuer } from '../keys/access-token-issuer.js';
import { OAuthError, sendOAuthError } from './oauth-error.js';
import type { TokenAttemptLimiter } from './token-attempt-limiter.js';
import { grantedScopes, readTokenRequest } from './token-request.js';

/** Token requests are a few hundred bytes; anything far larger is not one. */
const BODY_LIMIT = '8kb';

export const TOKEN_PATH = '/oauth2/token';

export interface TokenEndpointDeps {
  readonly clients: ClientVerifier;
  readonly issuer: AccessTokenIssuer;
  readonly attempts: TokenAttemptLimiter;
}

/**
 * `POST /oauth2/token`: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) with client
 * authentication by HTTP Basic or body parameters, form-encoded or JSON. It needs no bearer token.
 * Secret checks are throttled per source address and per client id (429 with `Retry-After`).
 * The error handler sits in the route itself, so logs and metrics see the route as it is
 * (`/oauth2/token`), not a path re-mounted under itself.
 */
export function createTokenEndpointRouter({ clients, issuer, attempts }: TokenEndpointDeps): Router {
  const issueToken: RequestHandler = async (req, res) => {
    const request = readTokenRequest(req.body, req.headers.authorization);
    const attempt = { address: req.ip ?? 'unknown', clientId: request.clientId };
    await attempts.reserve(attempt);
    const grant = await clients.verify(request.clientId, request.clientSecret);
    if (grant === undefined) throw new OAuthError('invalid_client', 'unknown client or wrong secret', request.usedBasic);
    await attempts.succeeded(attempt);
    const token = await issuer.issue(grant, grantedScopes(request.scopes, grant.scopes));
    res
      .set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
      .json({ access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn, scope: token.scope });
  };
  const router = express.Router();
  router.post(TOKEN_PATH, express.urlencoded({ extended: false, limit: BODY_LIMIT }), express.json({ limit: BODY_LIMIT }), issueToken, tokenErrorHandler);
  return router;
}

/** Refusals become RFC 6749 errors; unreadable bodies are `invalid_request`; anything else goes on. */
const tokenErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (error instanceof OAuthError) {
    sendOAuthError(res, error);
  } else if (isBodyParserError(error)) {
    sendOAuthError(res, new OAuthError('invalid_request', 'the request body cannot be read'));
  } else {
    next(error);
  }
};

function isBodyParserError(error: unknown): boolean {
  const { type } = (error ?? {}) as { type?: unknown };
  return typeof type === 'string' && ['entity.parse.failed', 'entity.too.large', 'parameters.too.many', 'encoding.unsupported', 'charset.unsupported', 'request.aborted'].includes(type);
}
