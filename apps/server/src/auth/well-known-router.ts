import { SCOPES } from '@inventory/core';
import express, { type Request, type Router } from 'express';
import type { SigningKeyRing } from './signing-key-ring.js';
import { TOKEN_PATH } from './token-endpoint-router.js';

export const JWKS_PATH = '/.well-known/jwks.json';
export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/**
 * The built-in issuer's public keys (`/.well-known/jwks.json`) and RFC 8414 metadata. URLs in the
 * metadata derive from the issuer when it is an http(s) URL, else from the request's own origin.
 */
export function createWellKnownRouter(keys: SigningKeyRing, issuer: string): Router {
  const router = express.Router();
  router.get(JWKS_PATH, async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json({ keys: await keys.publicJwks() });
  });
  router.get(METADATA_PATH, (req, res) => {
    const base = baseUrl(issuer, req);
    res.set('Cache-Control', 'public, max-age=3600').json({
      issuer,
      token_endpoint: new URL(TOKEN_PATH, base).href,
      jwks_uri: new URL(JWKS_PATH, base).href,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: SCOPES,
      response_types_supported: [],
    });
  });
  return router;
}

function baseUrl(issuer: string, req: Request): string {
  if (/^https?:\/\//i.test(issuer)) return issuer;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
