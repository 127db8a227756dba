import { isAuthenticationError, systemClock } from '@inventory/core';
import express from 'express';
import { generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from '../create-auth.js';
import type { AuthSettings } from '../auth-settings.js';
import { createExternalAuthenticator } from './external-issuer-auth.js';
import { listen } from '../testing/listen.js';
import { startLocalIssuer } from '../testing/local-issuer.js';
import { MemoryClientStore } from '../memory/memory-client-store.js';
import { MemorySigningKeyStore } from '../memory/memory-signing-key-store.js';

type LocalIssuer = Awaited<ReturnType<typeof startLocalIssuer>>;

describe('external issuer mode', () => {
  let idp: LocalIssuer;
  let settings: AuthSettings & { jwksUrl: string };
  const now = (): number => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: 'https://idp.test/',
    aud: 'inventory',
    sub: 'machine-1',
    org_id: 'tenant-x',
    scope: 'inventory:read',
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });

  beforeEach(async () => {
    idp = await startLocalIssuer();
    settings = { clients: [], issuer: 'https://idp.test/', audience: 'inventory', tenantClaim: 'org_id', jwksUrl: idp.jwksUrl };
  });
  afterEach(async () => {
    await idp.close();
  });

  async function failure(promise: Promise<unknown>): Promise<string> {
    const error: unknown = await promise.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    return isAuthenticationError(error) ? error.failure : `not an AuthenticationError: ${String(error)}`;
  }

  it("accepts the external issuer's token and reads the configured tenant claim", async () => {
    const authenticator = createExternalAuthenticator(settings, systemClock);
    const principal = await authenticator.authenticate(`Bearer ${await idp.sign(claims())}`);
    expect(principal).toMatchObject({ tenant: 'tenant-x', subject: 'machine-1' });
    expect([...principal.scopes]).toEqual(['inventory:read']);
  });

  it.each([
    ['from another issuer', { iss: 'https://evil.test/' }],
    ['for another audience', { aud: 'other' }],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }],
    ['without exp', { exp: undefined }],
    ['without the tenant claim', { org_id: undefined }],
  ])('rejects a token %s', async (_name, change) => {
    const authenticator = createExternalAuthenticator(settings, systemClock);
    const token = await idp.sign(claims(change));
    expect(await failure(authenticator.authenticate(`Bearer ${token}`))).toBe('invalid');
  });

  it('rejects a token signed by a key the issuer never published', async () => {
    const authenticator = createExternalAuthenticator(settings, systemClock);
    const stranger = await generateKeyPair('RS256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'ext-1' }).sign(stranger.privateKey);
    expect(await failure(authenticator.authenticate(`Bearer ${token}`))).toBe('invalid');
  });

  it('a flood of unknown kids fetches the key set once within the cooldown', async () => {
    const authenticator = createExternalAuthenticator(settings, systemClock, { cooldownDuration: 60_000, cacheMaxAge: 600_000 });
    await authenticator.authenticate(`Bearer ${await idp.sign(claims())}`);
    expect(idp.fetchCount()).toBe(1);
    const stranger = await generateKeyPair('RS256');
    const floods = Array.from({ length: 40 }, (_, i) => new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: `flood-${i}` }).sign(stranger.privateKey));
    for (const token of await Promise.all(floods)) {
      expect(await failure(authenticator.authenticate(`Bearer ${token}`))).toBe('invalid');
    }
    expect(idp.fetchCount()).toBe(1);
  });

  it('a key the issuer rotated in is fetched once the cooldown has passed', async () => {
    const authenticator = createExternalAuthenticator(settings, systemClock, { cooldownDuration: 0, cacheMaxAge: 600_000 });
    await authenticator.authenticate(`Bearer ${await idp.sign(claims())}`);
    await idp.rotate('ext-2');
    const principal = await authenticator.authenticate(`Bearer ${await idp.sign(claims())}`);
    expect(principal.tenant).toBe('tenant-x');
    expect(idp.fetchCount()).toBe(2);
  });

  it('an unreachable key set rejects tokens as invalid instead of crashing', async () => {
    const token = await idp.sign(claims());
    await idp.close();
    const authenticator = createExternalAuthenticator(settings, systemClock);
    expect(await failure(authenticator.authenticate(`Bearer ${token}`))).toBe('invalid');
    idp = await startLocalIssuer();
  });

  it('turns the built-in token endpoint and key documents off', async () => {
    const stores = { signingKeys: new MemorySigningKeyStore(), clients: new MemoryClientStore() };
    const auth = createAuth({ settings, stores, clock: systemClock, publicUrl: 'https://inventory.test', announce: () => undefined });
    expect(auth.mode).toBe('external');
    const app = express();
    app.use(auth.router);
    app.use((_req, res) => res.status(404).json({ error: { status: 404 } }));
    const served = await listen(app);
    try {
      for (const path of ['/oauth2/token', '/.well-known/jwks.json', '/.well-known/oauth-authorization-server']) {
        const response = await fetch(`${served.url}${path}`, { method: path === '/oauth2/token' ? 'POST' : 'GET' });
        expect(response.status).toBe(404);
      }
    } finally {
      await served.close();
    }
  });
});
