import express, { type Router } from 'express';
import { createTokenEndpointRouter, type TokenEndpointDeps } from './token-endpoint-router.js';
import { createWellKnownRouter, type AdvertisedIssuer } from './well-known-router.js';
import type { SigningKeyRing } from '../keys/signing-key-ring.js';

export interface AuthRouterDeps extends TokenEndpointDeps {
  readonly keys: SigningKeyRing;
  readonly advertised: AdvertisedIssuer;
}

/**
 * The built-in issuer's public routes, which need no bearer token: `POST /oauth2/token`,
 * `/.well-known/jwks.json` and `/.well-known/oauth-authorization-server`.
 */
export function createAuthRouter(deps: AuthRouterDeps): Router {
  const router = express.Router();
  router.use(createTokenEndpointRouter(deps));
  router.use(createWellKnownRouter(deps.keys, deps.advertised));
  return router;
}
