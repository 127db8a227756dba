import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: ~16 MiB and tens of milliseconds per check, paid once per token request. */
const COST: ScryptOptions = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** A new random client secret: 256 bits, URL-safe. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A new random client id, recognisable in logs and safe inside HTTP Basic credentials. */
export function generateClientId(): string {
  return `cli_${randomBytes(10).toString('hex')}`;
}

/** Hashes a secret for storage: `scrypt$N$r$p$salt$hash`, so the cost can rise without a migration. */
export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Checks a secret against a stored hash in constant time; a malformed hash never matches. */
export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  try {
    const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for an unknown client id, so response timing does not
 * tell which client ids exist.
 */
export async function verifyAgainstDecoy(secret: string): Promise<false> {
  decoy ??= hashClientSecret(generateClientSecret());
  await verifyClientSecret(secret, await decoy);
  return false;
}

/** Compares a presented secret with a configured plaintext one without leaking timing or length. */
export function staticSecretMatches(presented: string, configured: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(configured));
}
