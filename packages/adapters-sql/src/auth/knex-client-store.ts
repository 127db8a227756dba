import type { ClientStore, StoredClient } from '@inventory/auth';
import { parseScopes, SCOPES } from '@inventory/core';
import type { Knex } from 'knex';
import { instantText, nullableInstantText } from './auth-instant.js';
import { guarded } from './guarded-query.js';

const TABLE = 'auth_clients';

/** Registered clients of the built-in issuer in `auth_clients`; secrets are only ever hashes here. */
export class KnexClientStore implements ClientStore {
  constructor(private readonly knex: Knex) {}

  async find(clientId: string): Promise<StoredClient | undefined> {
    const row: unknown = await guarded(this.knex(TABLE).where('client_id', clientId).first());
    return row === undefined ? undefined : toRecord(row);
  }

  async create(client: StoredClient): Promise<boolean> {
    const row = {
      client_id: client.clientId,
      secret_hash: client.secretHash,
      tenant: client.tenant,
      scopes: client.scopes.join(' '),
      created_at: client.createdAt,
      revoked_at: client.revokedAt,
    };
    const inserted = await guarded(this.knex(TABLE).insert(row).onConflict('client_id').ignore().returning('client_id'));
    return inserted.length === 1;
  }

  async list(): Promise<StoredClient[]> {
    const rows: unknown[] = await guarded(this.knex(TABLE).orderBy([{ column: 'created_at' }, { column: 'client_id' }]));
    return rows.map(toRecord);
  }

  async revoke(clientId: string, revokedAt: string): Promise<boolean> {
    return (await guarded(this.active(clientId).update({ revoked_at: revokedAt }))) === 1;
  }

  async replaceSecret(clientId: string, secretHash: string): Promise<boolean> {
    return (await guarded(this.active(clientId).update({ secret_hash: secretHash }))) === 1;
  }

  async isEmpty(): Promise<boolean> {
    return (await guarded(this.knex(TABLE).select('client_id').first())) === undefined;
  }

  private active(clientId: string): Knex.QueryBuilder {
    return this.knex(TABLE).where('client_id', clientId).whereNull('revoked_at');
  }
}

function toRecord(value: unknown): StoredClient {
  const row = value as Readonly<Record<string, unknown>>;
  const scopes = parseScopes(String(row['scopes']).split(' '));
  return {
    clientId: String(row['client_id']),
    secretHash: String(row['secret_hash']),
    tenant: String(row['tenant']),
    scopes: SCOPES.filter((scope) => scopes.has(scope)),
    createdAt: instantText(row['created_at']),
    revokedAt: nullableInstantText(row['revoked_at']),
  };
}
