import type { SigningKeyStore, StoredSigningKey } from '@inventory/auth';
import type { Knex } from 'knex';
import { instantText, nullableInstantText } from './auth-instant.js';
import { guarded } from './guarded-query.js';

const TABLE = 'auth_signing_keys';

/**
 * The built-in issuer's signing keys in `auth_signing_keys`. The unique `generation` arbitrates
 * between processes creating a key at once: the loser reads back the winner's key.
 */
export class KnexSigningKeyStore implements SigningKeyStore {
  constructor(private readonly knex: Knex) {}

  async listUsable(now: string): Promise<StoredSigningKey[]> {
    const rows: unknown[] = await guarded(this.knex(TABLE).whereNull('expires_at').orWhere('expires_at', '>', now).orderBy('generation', 'desc'));
    return rows.map(toRecord);
  }

  async insertGeneration(key: StoredSigningKey): Promise<StoredSigningKey> {
    const row = {
      kid: key.kid,
      generation: key.generation,
      alg: key.alg,
      public_jwk: key.publicJwk,
      private_jwk: key.privateJwk,
      created_at: key.createdAt,
      expires_at: key.expiresAt,
    };
    await guarded(this.knex(TABLE).insert(row).onConflict('generation').ignore());
    const holder: unknown = await guarded(this.knex(TABLE).where('generation', key.generation).first());
    if (holder === undefined) throw new Error(`signing key generation ${key.generation} vanished after insert`);
    return toRecord(holder);
  }

  async retireBefore(generation: number, expiresAt: string): Promise<void> {
    await guarded(this.knex(TABLE).where('generation', '<', generation).whereNull('expires_at').update({ expires_at: expiresAt }));
  }
}

function toRecord(value: unknown): StoredSigningKey {
  const row = value as Readonly<Record<string, unknown>>;
  return {
    kid: String(row['kid']),
    generation: Number(row['generation']),
    alg: String(row['alg']),
    publicJwk: String(row['public_jwk']),
    privateJwk: String(row['private_jwk']),
    createdAt: instantText(row['created_at']),
    expiresAt: nullableInstantText(row['expires_at']),
  };
}
