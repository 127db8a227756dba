import type { IdempotencyClaim, IdempotencyStore, IsoInstant, StoredResponse, TenantId } from '@inventory/core';
import type { Knex } from 'knex';
import { guarded } from '../auth/guarded-query.js';

const TABLE = 'idempotency_keys';

/**
 * Idempotency keys in `idempotency_keys`, shared by every process over the database. Each step
 * is one statement, so two processes racing for a key agree: the insert that wins claims it.
 * On SQLite the statements run on the writer connection under the unit of work's lock.
 */
export class KnexIdempotencyStore implements IdempotencyStore {
  constructor(private readonly knex: Knex) {}

  async claim(tenant: TenantId, key: string, fingerprint: string, now: IsoInstant, leaseUntil: IsoInstant): Promise<IdempotencyClaim> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // A key past its hold (an expired answer, or the lease of a run that crashed) is free again.
      await guarded(this.key(tenant, key).where('held_until', '<', now).delete());
      const row = { tenant, idempotency_key: key, fingerprint, held_until: leaseUntil, created_at: now };
      const inserted = await guarded(this.knex(TABLE).insert(row).onConflict(['tenant', 'idempotency_key']).ignore().returning('fingerprint'));
      if (inserted.length === 1) return { status: 'claimed' };
      const found: unknown = await guarded(this.key(tenant, key).first('fingerprint', 'response_status', 'response_body', 'response_headers'));
      if (found === undefined) continue;
      const stored = found as Readonly<Record<string, unknown>>;
      if (String(stored['fingerprint']) !== fingerprint) return { status: 'mismatch' };
      if (stored['response_status'] === null) return { status: 'in-flight' };
      const headers = JSON.parse(String(stored['response_headers'])) as Record<string, string>;
      return { status: 'replay', response: { status: Number(stored['response_status']), body: String(stored['response_body']), headers } };
    }
    throw new Error('an idempotency key kept changing hands while it was claimed');
  }

  async complete(tenant: TenantId, key: string, fingerprint: string, response: StoredResponse, expiresAt: IsoInstant): Promise<void> {
    await guarded(
      this.key(tenant, key)
        .where('fingerprint', fingerprint)
        .update({ response_status: response.status, response_body: response.body, response_headers: JSON.stringify(response.headers), held_until: expiresAt }),
    );
  }

  async release(tenant: TenantId, key: string, fingerprint: string): Promise<void> {
    await guarded(this.key(tenant, key).where('fingerprint', fingerprint).whereNull('response_status').delete());
  }

  async purgeExpired(now: IsoInstant): Promise<number> {
    return guarded(this.knex(TABLE).where('held_until', '<', now).delete());
  }

  private key(tenant: TenantId, key: string): Knex.QueryBuilder {
    return this.knex(TABLE).where({ tenant, idempotency_key: key });
  }
}
