import type { IsoInstant } from '../domain/instant.js';
import type { TenantId } from '../domain/tenant.js';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '../ports/idempotency-store.js';

interface Entry {
  readonly fingerprint: string;
  readonly response: StoredResponse | undefined;
  /** Until when the key is held: the lease while running, the expiry once completed. */
  readonly until: IsoInstant;
}

/** Idempotency keys in memory, for one process (tests and embedding). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  claim(tenant: TenantId, key: string, fingerprint: string, now: IsoInstant, leaseUntil: IsoInstant): Promise<IdempotencyClaim> {
    const id = entryKey(tenant, key);
    const entry = this.entries.get(id);
    if (entry === undefined || entry.until < now) {
      this.entries.set(id, { fingerprint, response: undefined, until: leaseUntil });
      return Promise.resolve({ status: 'claimed' });
    }
    if (entry.fingerprint !== fingerprint) return Promise.resolve({ status: 'mismatch' });
    return Promise.resolve(entry.response === undefined ? { status: 'in-flight' } : { status: 'replay', response: entry.response });
  }

  complete(tenant: TenantId, key: string, fingerprint: string, response: StoredResponse, expiresAt: IsoInstant): Promise<void> {
    const id = entryKey(tenant, key);
    if (this.entries.get(id)?.fingerprint === fingerprint) this.entries.set(id, { fingerprint, response, until: expiresAt });
    return Promise.resolve();
  }

  release(tenant: TenantId, key: string, fingerprint: string): Promise<void> {
    const id = entryKey(tenant, key);
    if (this.entries.get(id)?.fingerprint === fingerprint) this.entries.delete(id);
    return Promise.resolve();
  }

  purgeExpired(now: IsoInstant): Promise<number> {
    let purged = 0;
    for (const [id, entry] of this.entries) {
      if (entry.until < now) {
        this.entries.delete(id);
        purged += 1;
      }
    }
    return Promise.resolve(purged);
  }
}

function entryKey(tenant: TenantId, key: string): string {
  return JSON.stringify([tenant, key]);
}
