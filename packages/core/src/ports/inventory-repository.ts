import type { IsoInstant } from '../domain/instant.js';
import type { InventoryChanges, InventoryRecord, InventoryValues } from '../domain/inventory-record.js';
import type { TenantId } from '../domain/tenant.js';

/** Fields a bulk item may give that overwrite an existing record; quantity always does. */
export type UpsertField = 'costPrice' | 'nextDeliveryDate' | 'notes';

/**
 * One row of a bulk upsert. `values` are complete (defaults applied) and used when the record is
 * new; on an existing record only `quantity` and the fields named in `overwrite` change.
 */
export interface InventoryUpsert {
  readonly values: InventoryValues;
  readonly overwrite: readonly UpsertField[];
}

export interface UpsertOutcome {
  readonly id: number;
  readonly created: boolean;
}

/** Writes to inventory records. Every method is scoped to one tenant; no row of another is ever seen. */
export interface InventoryRepository {
  get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined>;
  /** Inserts a record; throws INVENTORY_ALREADY_EXISTS when its identity key is taken. */
  create(tenant: TenantId, values: InventoryValues, now: IsoInstant): Promise<InventoryRecord>;
  /** Applies changes atomically; undefined when there is no such record; INVENTORY_ALREADY_EXISTS on a key collision. */
  update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant): Promise<InventoryRecord | undefined>;
  delete(tenant: TenantId, id: number): Promise<boolean>;
  /**
   * Inserts or updates every row in one atomic step, keyed on the identity key. Rows have distinct
   * keys and come sorted by key; outcomes come back in the same order.
   */
  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<UpsertOutcome[]>;
  countForProduct(tenant: TenantId, productId: number): Promise<number>;
}

