import type { IsoInstant } from '../domain/instant.js';
import type { TenantId } from '../domain/tenant.js';

/** An answer kept for replay: status, the body as sent, and the headers that describe it (ETag). */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a request carrying an idempotency key may do (docs/concurrency.md). */
export type IdempotencyClaim =
  | { readonly status: 'claimed' }
  | { readonly status: 'replay'; readonly response: StoredResponse }
  | { readonly status: 'in-flight' }
  | { readonly status: 'mismatch' };

/**
 * Idempotency keys, per tenant, shared by every server process over one database. A key is
 * claimed by the first request (running until `leaseUntil`, after which a crashed run's claim may
 * be taken over), then completed with its answer (kept until `expiresAt`) or released so that a
 * retry runs again. Expired keys behave as if they had never been used.
 */
export interface IdempotencyStore {
  claim(tenant: TenantId, key: string, fingerprint: string, now: IsoInstant, leaseUntil: IsoInstant): Promise<IdempotencyClaim>;
  complete(tenant: TenantId, key: string, fingerprint: string, response: StoredResponse, expiresAt: IsoInstant): Promise<void>;
  release(tenant: TenantId, key: string, fingerprint: string): Promise<void>;
  /** Forgets every key expired at `now`; returns how many. */
  purgeExpired(now: IsoInstant): Promise<number>;
}
