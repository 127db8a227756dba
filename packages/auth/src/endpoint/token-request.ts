import { SCOPES, type Scope } from '@inventory/core';
import { OAuthError } from './oauth-error.js';

/** A client credentials token request (RFC 6749 §4.4.2), its client authentication decoded. */
export interface TokenRequest {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly usedBasic: boolean;
  /** The scopes asked for, or undefined for "every scope the client has". */
  readonly scopes: readonly string[] | undefined;
}

/**
 * Reads a token request from its parsed body (form-encoded or JSON) and `Authorization` header,
 * refusing repeated or non-string parameters and a client that authenticates two ways at once.
 */
export function readTokenRequest(body: unknown, authorization: string | undefined): TokenRequest {
  const params = stringParams(body);
  const grantType = params.get('grant_type');
  if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'only client_credentials is supported');
  const scope = params.get('scope')?.split(' ').filter((word) => word.length > 0);
  const scopes = scope === undefined || scope.length === 0 ? undefined : scope;
  const basic = authorization === undefined ? undefined : basicCredentials(authorization);
  if (basic !== undefined) {
    const bodyId = params.get('client_id');
    if (params.has('client_secret') || (bodyId !== undefined && bodyId !== basic.clientId)) {
      throw new OAuthError('invalid_request', 'authenticate the client either with HTTP Basic or in the body, not both');
    }
    return { ...basic, usedBasic: true, scopes };
  }
  const clientId = params.get('client_id');
  const clientSecret = params.get('client_secret');
  if (clientId === undefined || clientSecret === undefined) throw new OAuthError('invalid_client', 'client authentication is required');
  return { clientId, clientSecret, usedBasic: false, scopes };
}

/** The scopes to grant: those asked for, each known and held by the client, else all the client holds. */
export function grantedScopes(asked: readonly string[] | undefined, held: readonly Scope[]): Scope[] {
  if (asked === undefined) return SCOPES.filter((scope) => held.includes(scope));
  if (!asked.every((word) => (held as readonly string[]).includes(word))) {
    throw new OAuthError('invalid_scope', 'the requested scope is unknown or exceeds what the client may ask for');
  }
  return SCOPES.filter((scope) => asked.includes(scope));
}

function stringParams(body: unknown): Map<string, string> {
  const params = new Map<string, string>();
  if (body === undefined || body === null) return params;
  if (typeof body !== 'object' || Array.isArray(body)) throw new OAuthError('invalid_request', 'the body must hold the request parameters');
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_request', 'each parameter must be given once, as a string');
    params.set(name, value);
  }
  return params;
}

/** RFC 6749 §2.3.1: HTTP Basic with id and secret each form-urlencoded first. */
function basicCredentials(authorization: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(authorization.trim());
  if (match?.[1] === undefined) {
    if (/^Basic(?: |$)/i.test(authorization.trim())) throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', true);
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', true);
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError('invalid_client', 'malformed HTTP Basic credentials', true);
  }
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}
