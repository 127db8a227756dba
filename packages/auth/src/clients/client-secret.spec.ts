import { describe, expect, it } from 'vitest';
import { generateClientId, generateClientSecret, hashClientSecret, staticSecretMatches, verifyAgainstDecoy, verifyClientSecret } from './client-secret.js';

describe('client secrets', () => {
  it('a hash verifies its own secret and no other', async () => {
    const hash = await hashClientSecret('s3cret');
    expect(await verifyClientSecret('s3cret', hash)).toBe(true);
    expect(await verifyClientSecret('s3cret ', hash)).toBe(false);
    expect(await verifyClientSecret('', hash)).toBe(false);
  });

  it('salts each hash and never contains the secret', async () => {
    const secret = generateClientSecret();
    const [first, second] = await Promise.all([hashClientSecret(secret), hashClientSecret(secret)]);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it.each([['empty', ''], ['another scheme', 'bcrypt$x'], ['a short hash', 'scrypt$16384$8$1$c2FsdA$c2hvcnQ'], ['absurd cost', `scrypt$0$8$1$c2FsdA$${'A'.repeat(43)}`]])(
    'a malformed stored hash (%s) never matches and never throws',
    async (_name, stored) => {
      expect(await verifyClientSecret('anything', stored)).toBe(false);
    },
  );

  it('the decoy check always fails', async () => {
    expect(await verifyAgainstDecoy('anything')).toBe(false);
  });

  it('compares static secrets exactly, whatever their lengths', () => {
    expect(staticSecretMatches('abc', 'abc')).toBe(true);
    expect(staticSecretMatches('abc', 'abcd')).toBe(false);
    expect(staticSecretMatches('', 'abc')).toBe(false);
  });

  it('generates distinct ids and 256-bit secrets that survive HTTP Basic', () => {
    expect(generateClientId()).toMatch(/^cli_[0-9a-f]{20}$/);
    expect(generateClientId()).not.toBe(generateClientId());
    expect(Buffer.from(generateClientSecret(), 'base64url')).toHaveLength(32);
  });
});
