import type { WriteOrigin } from '../domain/movement.js';
import type { Hold, HoldStatus, LineShortage, NewHold } from '../domain/hold.js';
import type { IsoInstant } from '../domain/instant.js';
import type { PageRequest } from '../domain/paging.js';
import type { TenantId } from '../domain/tenant.js';

/** A placement: the hold, or the lines that did not fit (then nothing was written). */
export type HoldPlacement = { readonly status: 'placed'; readonly hold: Hold } | { readonly status: 'short'; readonly shortages: readonly LineShortage[] };

/** A state change: done, no such hold for the tenant, or refused because it was not active at `now`. */
export type HoldChange = { readonly status: 'changed'; readonly hold: Hold } | { readonly status: 'missing' } | { readonly status: 'not-active'; readonly hold: Hold };

export interface HoldFilter {
  readonly reference?: string;
  /** As read at `now`: `active` excludes holds past their expiry, `expired` includes them. */
  readonly status?: HoldStatus;
}

export interface HoldPage {
  readonly items: readonly Hold[];
  readonly itemsFound: number;
}

/**
 * Holds and their lines (docs/holds.md). Every method runs in its own transaction and is scoped to
 * one tenant. `now` comes from the clock port: an active hold counts while `expiresAt > now`.
 * Holds that come back are as stored; readers apply `holdAt`.
 */
export interface HoldStore {
  /**
   * Places the hold only if every line fits the availability at `now` (`shortLines`), race-free:
   * concurrent placements on the same products, from any process, are serialised per product,
   * taking the products in ascending id order so that two holds never deadlock.
   */
  place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement>;
  /** Undefined for an unknown id, an id of another tenant, or text that is no hold id at all. */
  get(tenant: TenantId, id: string): Promise<Hold | undefined>;
  /** Holds matching the filter, newest first (by id, descending), one page of them. */
  list(tenant: TenantId, filter: HoldFilter, page: PageRequest, now: IsoInstant): Promise<HoldPage>;
  /**
   * Turns an active hold into stock decrements of its scopes' company-free records — local first,
   * then supplier, each down to zero in id order, any remainder from the last one — each changed
   * record getting `version` + 1 and `lastModifiedAt` = now; status `committed`.
   */
  commit(tenant: TenantId, id: string, now: IsoInstant, origin?: WriteOrigin): Promise<HoldChange>;
  /** Status `released`; no stock changes. */
  release(tenant: TenantId, id: string, now: IsoInstant): Promise<HoldChange>;
  /** Moves an active hold's expiry to `expiresAt`. */
  extend(tenant: TenantId, id: string, expiresAt: IsoInstant, now: IsoInstant): Promise<HoldChange>;
  /**
   * Marks every tenant's active holds past their expiry at `now` as `expired`; returns how many.
   * Only tidying: they stopped counting at their expiry already.
   */
  expire(now: IsoInstant): Promise<number>;
}
