import { errors, type JWTVerifyGetKey } from 'jose';
import type { SigningKeyRing } from './signing-key-ring.js';

/** Finds the public key for a token of the built-in issuer by its `kid`, asking the database for new ones. */
export function builtInKeyLookup(ring: SigningKeyRing): JWTVerifyGetKey {
  return async (header) => {
    const key = typeof header.kid === 'string' ? await ring.verificationKey(header.kid) : undefined;
    if (key === undefined) throw new errors.JWKSNoMatchingKey();
    return key;
  };
}
