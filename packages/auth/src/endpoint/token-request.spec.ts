import { describe, expect, it } from 'vitest';
import { OAuthError, type OAuthErrorCode } from './oauth-error.js';
import { grantedScopes, readTokenRequest } from './token-request.js';

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function refusal(act: () => unknown): { code: OAuthErrorCode; basicChallenge: boolean } {
  try {
    act();
  } catch (error) {
    if (error instanceof OAuthError) return { code: error.code, basicChallenge: error.basicChallenge };
    throw error;
  }
  throw new Error('expected an OAuthError');
}

describe('readTokenRequest', () => {
  it('reads client credentials from the body', () => {
    const request = readTokenRequest({ grant_type: 'client_credentials', client_id: 'id', client_secret: 'pw' }, undefined);
    expect(request).toEqual({ clientId: 'id', clientSecret: 'pw', usedBasic: false, scopes: undefined });
  });

  it('reads HTTP Basic credentials, form-decoding id and secret (RFC 6749 §2.3.1)', () => {
    const request = readTokenRequest({ grant_type: 'client_credentials', scope: 'inventory:read' }, basic('my%20id', 'p%3Aw+d:x'));
    expect(request).toEqual({ clientId: 'my id', clientSecret: 'p:w d:x', usedBasic: true, scopes: ['inventory:read'] });
  });

  it('accepts Basic together with a body client_id naming the same client', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', client_id: 'id' }, basic('id', 'pw')).clientId).toBe('id');
  });

  it('treats an empty scope parameter as no scope parameter', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', client_id: 'a', client_secret: 'b', scope: '  ' }, undefined).scopes).toBeUndefined();
  });

  it.each<[string, unknown, string | undefined, OAuthErrorCode, boolean]>([
    ['no grant_type', { client_id: 'a', client_secret: 'b' }, undefined, 'invalid_request', false],
    ['no body at all', undefined, undefined, 'invalid_request', false],
    ['a JSON array body', ['grant_type'], undefined, 'invalid_request', false],
    ['a repeated parameter', { grant_type: ['client_credentials', 'client_credentials'] }, undefined, 'invalid_request', false],
    ['a numeric parameter', { grant_type: 'client_credentials', client_id: 5, client_secret: 'b' }, undefined, 'invalid_request', false],
    ['the password grant', { grant_type: 'password' }, undefined, 'unsupported_grant_type', false],
    ['no client authentication', { grant_type: 'client_credentials' }, undefined, 'invalid_client', false],
    ['a client id without secret', { grant_type: 'client_credentials', client_id: 'a' }, undefined, 'invalid_client', false],
    ['Basic and a body secret', { grant_type: 'client_credentials', client_secret: 'b' }, basic('a', 'b'), 'invalid_request', false],
    ['Basic and another body client id', { grant_type: 'client_credentials', client_id: 'x' }, basic('a', 'b'), 'invalid_request', false],
    ['Basic that is not base64', { grant_type: 'client_credentials' }, 'Basic !!!', 'invalid_client', true],
    ['Basic without a colon', { grant_type: 'client_credentials' }, `Basic ${Buffer.from('abc').toString('base64')}`, 'invalid_client', true],
    ['Basic with a broken escape', { grant_type: 'client_credentials' }, basic('a%zz', 'b'), 'invalid_client', true],
  ])('refuses %s', (_name, body, authorization, code, basicChallenge) => {
    expect(refusal(() => readTokenRequest(body, authorization))).toEqual({ code, basicChallenge });
  });
});

describe('grantedScopes', () => {
  it('grants every scope the client holds when none is asked for', () => {
    expect(grantedScopes(undefined, ['inventory:write', 'inventory:read'])).toEqual(['inventory:read', 'inventory:write']);
  });

  it('grants a subset that is asked for', () => {
    expect(grantedScopes(['inventory:read'], ['inventory:read', 'inventory:write'])).toEqual(['inventory:read']);
  });

  it.each([
    ['a scope the client lacks', ['inventory:write']],
    ['an unknown scope', ['inventory:read', 'inventory:admin']],
  ])('refuses %s with invalid_scope', (_name, asked) => {
    expect(refusal(() => grantedScopes(asked, ['inventory:read'])).code).toBe('invalid_scope');
  });
});
