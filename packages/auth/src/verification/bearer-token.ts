import { AuthenticationError } from '@inventory/core';

/** RFC 6750 §2.1: the scheme is case-insensitive, the credentials are one token68 string. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const BEARER_SCHEME = /^Bearer(?: |$)/i;

/**
 * The token of an `Authorization: Bearer …` header. No header, an empty one or another scheme
 * means no bearer credentials at all ('missing'); a Bearer header that is not one token is 'invalid'.
 */
export function bearerToken(authorizationHeader: string | undefined): string {
  const header = authorizationHeader?.trim() ?? '';
  if (!BEARER_SCHEME.test(header)) throw new AuthenticationError('missing', 'a Bearer token is required');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw new AuthenticationError('invalid', 'the Authorization header does not hold one Bearer token');
  return token;
}
