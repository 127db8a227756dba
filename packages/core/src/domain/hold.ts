import type { IsoInstant } from './instant.js';

/** Where a hold is in its life (docs/holds.md): only `active` holds set stock aside. */
export type HoldStatus = 'active' | 'committed' | 'released' | 'expired';
export const HOLD_STATUSES: readonly HoldStatus[] = ['active', 'committed', 'released', 'expired'];

/** Stock one hold sets aside for one product, in one warehouse or (null) in the product as a whole. */
export interface HoldLine {
  readonly productId: number;
  readonly warehouseId: number | null;
  readonly quantity: number;
}

/**
 * Stock set aside for a cart or order. `status` is as stored; an `active` hold whose `expiresAt`
 * has passed no longer counts and reads as `expired` (see {@link holdStatusAt}).
 */
export interface Hold {
  readonly id: string;
  readonly reference: string;
  readonly status: HoldStatus;
  readonly expiresAt: IsoInstant;
  readonly createdAt: IsoInstant;
  readonly lines: readonly HoldLine[];
}

/** A hold to place: all of its lines or none. */
export interface NewHold {
  readonly reference: string;
  readonly expiresAt: IsoInstant;
  readonly lines: readonly HoldLine[];
}

/** A line that does not fit: its index in the request, what it asked and what was available. */
export interface LineShortage {
  readonly line: number;
  readonly requested: number;
  readonly available: number;
}

/**
 * Expiry takes effect at `expiresAt` itself, not when a sweeper gets round to it: an active hold
 * past its expiry is expired for every reader and writer from that instant.
 */
export function holdStatusAt(hold: Pick<Hold, 'status' | 'expiresAt'>, now: IsoInstant): HoldStatus {
  return hold.status === 'active' && hold.expiresAt <= now ? 'expired' : hold.status;
}

/** The hold as a reader at `now` sees it. */
export function holdAt(hold: Hold, now: IsoInstant): Hold {
  const status = holdStatusAt(hold, now);
  return status === hold.status ? hold : { ...hold, status };
}

/** Whether a hold line counts in a scope: a product-wide line counts in no warehouse's figures. */
export function lineInScope(line: HoldLine, productId: number, warehouseIds: readonly number[] | undefined): boolean {
  if (line.productId !== productId) return false;
  return warehouseIds === undefined || (line.warehouseId !== null && warehouseIds.includes(line.warehouseId));
}

/**
 * Available stock per scope, before a new hold: the product as a whole (`warehouseId` null) or one
 * warehouse of it.
 */
export type Availability = (productId: number, warehouseId: number | null) => number;

/**
 * The lines of a new hold that do not fit (all or nothing, docs/holds.md). Lines of one hold add
 * up: two lines of the same product must fit together. A line with a warehouse must fit both the
 * warehouse's and the product's availability; `available` reports the tighter of the two.
 */
export function shortLines(lines: readonly HoldLine[], available: Availability): LineShortage[] {
  const asked = new Map<string, number>();
  const scopesOf = (line: HoldLine): string[] => [scopeKey(line.productId, null), ...(line.warehouseId === null ? [] : [scopeKey(line.productId, line.warehouseId)])];
  for (const line of lines) for (const scope of scopesOf(line)) asked.set(scope, (asked.get(scope) ?? 0) + line.quantity);
  const shortages: LineShortage[] = [];
  lines.forEach((line, index) => {
    const productAvailable = available(line.productId, null);
    const warehouseAvailable = line.warehouseId === null ? productAvailable : available(line.productId, line.warehouseId);
    const fits = (asked.get(scopeKey(line.productId, null)) ?? 0) <= productAvailable && (line.warehouseId === null || (asked.get(scopeKey(line.productId, line.warehouseId)) ?? 0) <= warehouseAvailable);
    if (!fits) shortages.push({ line: index, requested: line.quantity, available: Math.max(0, Math.min(productAvailable, warehouseAvailable)) });
  });
  return shortages;
}

function scopeKey(productId: number, warehouseId: number | null): string {
  return `${productId}/${warehouseId ?? ''}`;
}
