import { SCOPES } from '@inventory/core';
import express, { type Router } from 'express';
import type { SigningKeyRing } from '../keys/signing-key-ring.js';
import { TOKEN_PATH } from './token-endpoint-router.js';

export const JWKS_PATH = '/.well-known/jwks.json';
export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/** What the metadata advertises: the `iss` of the tokens, and the base URL clients reach this server at. */
export interface AdvertisedIssuer {
  readonly issuer: string;
  /** `PUBLIC_URL`: every advertised URL derives from it, never from a request's headers. */
  readonly publicUrl: string;
}

/**
 * The built-in issuer's public keys (`/.well-known/jwks.json`) and RFC 8414 metadata. The
 * metadata is built once from configuration, so no `Host` or `X-Forwarded-*` header can put a
 * foreign URL into a response that shared caches keep.
 */
export function createWellKnownRouter(keys: SigningKeyRing, advertised: AdvertisedIssuer): Router {
  const metadata = {
    issuer: advertised.issuer,
    token_endpoint: publicEndpoint(advertised.publicUrl, TOKEN_PATH),
    jwks_uri: publicEndpoint(advertised.publicUrl, JWKS_PATH),
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: SCOPES,
    response_types_supported: [],
  };
  const router = express.Router();
  router.get(JWKS_PATH, async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json({ keys: await keys.publicJwks() });
  });
  router.get(METADATA_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').json(metadata);
  });
  return router;
}

/** A path under the public base URL, keeping the base's own path (a server behind a path prefix). */
export function publicEndpoint(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
