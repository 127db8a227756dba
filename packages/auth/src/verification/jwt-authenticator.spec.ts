import { isAuthenticationError, type AuthenticationFailure } from '@inventory/core';
import { UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair, SignJWT, base64url } from 'jose';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aKeyRingFixture, TEST_RULES } from '../testing/key-ring-fixture.js';

async function failureOf(promise: Promise<unknown>, token = ''): Promise<{ failure: AuthenticationFailure; message: string }> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!isAuthenticationError(error)) throw new Error(`expected an AuthenticationError, got ${String(error)}`);
  if (token.length > 0) expect(error.message).not.toContain(token);
  return { failure: error.failure, message: error.message };
}

function hs256(header: object, payload: object, secret: string | Buffer): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('JwtAuthenticator', () => {
  it('turns a valid token into the principal of its tenant, subject and known scopes', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const token = await sign(claims({ scope: 'inventory:read admin:all' }));
    const principal = await authenticator.authenticate(`Bearer ${token}`);
    expect(principal.tenant).toBe('t1');
    expect(principal.subject).toBe('client-1');
    expect([...principal.scopes]).toEqual(['inventory:read']);
  });

  it('accepts the scheme in any case, as RFC 7235 allows', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const principal = await authenticator.authenticate(`bearer ${await sign(claims())}`);
    expect(principal.tenant).toBe('t1');
  });

  it('a token without a scope claim has no scopes but still authenticates', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const principal = await authenticator.authenticate(`Bearer ${await sign(claims({ scope: undefined }))}`);
    expect(principal.scopes.size).toBe(0);
  });

  it('reads the tenant from the configured claim name', async () => {
    const rules = { ...TEST_RULES, tenantClaim: 'https://example.com/org' };
    const { authenticator, claims, sign } = await aKeyRingFixture(rules);
    const principal = await authenticator.authenticate(`Bearer ${await sign(claims({ tenant: 'ignored' }))}`);
    expect(principal.tenant).toBe('t1');
  });

  describe.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('with %s', (_name, header) => {
    it('fails as missing credentials', async () => {
      const { authenticator } = await aKeyRingFixture();
      expect((await failureOf(authenticator.authenticate(header))).failure).toBe('missing');
    });
  });

  it.each([
    ['Bearer alone', 'Bearer'],
    ['two tokens', 'Bearer abc def'],
    ['a token with forbidden characters', 'Bearer abc,def'],
    ['a token that is no JWT', 'Bearer abc.def'],
    ['a JWT with a garbage payload', 'Bearer eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln'],
  ])('rejects a malformed header: %s', async (_name, header) => {
    const { authenticator } = await aKeyRingFixture();
    expect((await failureOf(authenticator.authenticate(header))).failure).toBe('invalid');
  });

  it.each([
    ['expired beyond the clock tolerance', { exp: -6 }, 'expired'],
    ['not yet valid', { nbf: 60 }, 'not valid yet'],
    ['without exp', { exp: undefined }, '"exp"'],
    ['from another issuer', { iss: 'https://evil.test' }, '"iss"'],
    ['for another audience', { aud: 'other-api' }, '"aud"'],
    ['without a tenant claim', { tenant: undefined }, 'tenant'],
    ['with an empty tenant', { tenant: '' }, 'tenant'],
    ['with a numeric tenant', { tenant: 42 }, 'tenant'],
    ['with a tenant list', { tenant: ['t1', 't2'] }, 'tenant'],
    ['with a tenant over 128 characters', { tenant: 'x'.repeat(129) }, 'tenant'],
  ])('rejects a token %s', async (_name, change, reason) => {
    const fixture = await aKeyRingFixture();
    const relative = Object.fromEntries(
      Object.entries(change).map(([claim, value]) => [claim, typeof value === 'number' && ['exp', 'nbf'].includes(claim) ? fixture.nowSeconds() + value : value]),
    );
    const token = await fixture.sign(fixture.claims(relative));
    const failure = await failureOf(fixture.authenticator.authenticate(`Bearer ${token}`), token);
    expect(failure.failure).toBe('invalid');
    expect(failure.message).toContain(reason);
  });

  it('accepts a token expired for less than the clock tolerance', async () => {
    const fixture = await aKeyRingFixture();
    const token = await fixture.sign(fixture.claims({ exp: fixture.nowSeconds() - 4 }));
    expect((await fixture.authenticator.authenticate(`Bearer ${token}`)).tenant).toBe('t1');
  });

  it('rejects an unsigned token (alg none)', async () => {
    const { authenticator, claims } = await aKeyRingFixture();
    const token = new UnsecuredJWT(claims()).encode();
    expect((await failureOf(authenticator.authenticate(`Bearer ${token}`))).message).toContain('algorithm');
  });

  it('rejects an HS256 token keyed with the public key, in JWK and PEM form', async () => {
    const { authenticator, claims, ring } = await aKeyRingFixture();
    const [jwk] = await ring.publicJwks();
    const kid = jwk?.kid;
    const publicKey = await ring.verificationKey(kid ?? '');
    if (publicKey === undefined) throw new Error('no public key');
    for (const secret of [JSON.stringify(jwk), await exportSPKI(publicKey)]) {
      const token = hs256({ alg: 'HS256', typ: 'JWT', kid }, claims(), secret);
      expect((await failureOf(authenticator.authenticate(`Bearer ${token}`))).message).toContain('algorithm');
    }
  });

  it('rejects a token whose kid is unknown', async () => {
    const { authenticator, claims } = await aKeyRingFixture();
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: 'unknown-kid' }).sign(stranger.privateKey);
    expect((await failureOf(authenticator.authenticate(`Bearer ${token}`))).message).toContain('signing key is unknown');
  });

  it('rejects a token without kid', async () => {
    const { authenticator, claims } = await aKeyRingFixture();
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256' }).sign(stranger.privateKey);
    expect((await failureOf(authenticator.authenticate(`Bearer ${token}`))).failure).toBe('invalid');
  });

  it('rejects a token that claims a known kid but was signed by another key', async () => {
    const { authenticator, claims, ring } = await aKeyRingFixture();
    const [jwk] = await ring.publicJwks();
    const stranger = await generateKeyPair('ES256', { extractable: true });
    expect((await exportJWK(stranger.publicKey)).x).not.toBe(jwk?.x);
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: jwk?.kid ?? '' }).sign(stranger.privateKey);
    expect((await failureOf(authenticator.authenticate(`Bearer ${token}`))).message).toContain('signature');
  });

  it('rejects a token whose signature was tampered with', async () => {
    const { authenticator, claims, sign } = await aKeyRingFixture();
    const [header, , signature] = (await sign(claims())).split('.');
    const forged = `${header ?? ''}.${base64url.encode(JSON.stringify(claims({ tenant: 't2' })))}.${signature ?? ''}`;
    expect((await failureOf(authenticator.authenticate(`Bearer ${forged}`))).failure).toBe('invalid');
  });
});
