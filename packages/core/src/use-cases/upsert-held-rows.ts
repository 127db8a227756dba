import type { IsoInstant } from '../domain/instant.js';
import type { TenantId } from '../domain/tenant.js';
import type { WriteOrigin } from '../domain/movement.js';
import type { InventoryUpsert, UpsertConflict, UpsertOutcome } from '../ports/inventory-repository.js';
import type { Stores } from '../ports/unit-of-work.js';

/** A row whose product was deleted after it was resolved: nothing was written for it. */
export interface ProductGone {
  readonly productGone: true;
}

const PRODUCT_GONE: ProductGone = { productGone: true };

/**
 * Upserts rows inside the caller's transaction for the products that still exist, holding them
 * until it ends (`ProductDirectory.holdExisting`, one statement): products are resolved before the
 * transaction, so one deleted in between fails only its own rows — never the batch — and a delete
 * racing the write either waits for it or wins before it. Outcomes come in row order.
 */
export async function upsertHeldRows(stores: Stores, tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant, origin?: WriteOrigin): Promise<(UpsertOutcome | UpsertConflict | ProductGone)[]> {
  const existing = await stores.products.holdExisting(tenant, rows.map((row) => row.values.productId));
  const kept = rows.filter((row) => existing.has(row.values.productId));
  const written = await stores.inventory.upsertMany(tenant, kept, now, origin);
  if (kept.length === rows.length) return written;
  let next = 0;
  return rows.map((row) => (existing.has(row.values.productId) ? (written[next++] as UpsertOutcome | UpsertConflict) : PRODUCT_GONE));
}
