import type { IsoInstant } from '../domain/instant.js';
import type { InventoryChanges, InventoryRecord, InventoryValues } from '../domain/inventory-record.js';
import type { MovementNote, WriteOrigin } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';

/** Fields a bulk item may give that overwrite an existing record; quantity always does. */
export type UpsertField = 'costPrice' | 'nextDeliveryDate' | 'notes';

/**
 * One row of a bulk upsert. `values` are complete (defaults applied) and used when the record is
 * new; on an existing record only `quantity` and the fields named in `overwrite` change, and only
 * when one of them differs from what is stored (a no-op write stays quiet).
 */
export interface InventoryUpsert {
  readonly values: InventoryValues;
  readonly overwrite: readonly UpsertField[];
  /** The version the record must have before the write; 0 = it must not exist yet. */
  readonly expectedVersion?: number;
}

/** A row that was written, or found equal to what was asked (`changed: false`). */
export interface UpsertOutcome {
  readonly id: number;
  readonly created: boolean;
  readonly changed: boolean;
}

/** A row whose `expectedVersion` did not match: nothing was written; `version` is 0 when it does not exist. */
export interface UpsertConflict {
  readonly conflictVersion: number;
}

/**
 * The result of a conditional write of one record by id: written (or a quiet no-op,
 * `changed: false`), missing, or refused because the version did not match.
 */
export type RecordWrite =
  | { readonly status: 'written'; readonly record: InventoryRecord; readonly changed: boolean }
  | { readonly status: 'missing' }
  | { readonly status: 'version-mismatch'; readonly version: number };

/**
 * One adjustment of a record named by its identity key: `values` (with `quantity` = `delta`)
 * create it when it is missing and `delta` is positive.
 */
export interface AdjustmentRow {
  readonly values: InventoryValues;
  readonly delta: number;
  readonly note: MovementNote;
  readonly expectedVersion?: number;
  readonly allowNegative: boolean;
}

/** What one adjustment did: applied (with its movement), or refused with the record's current state. */
export type AdjustmentOutcome =
  | { readonly status: 'applied'; readonly id: number; readonly created: boolean; readonly quantity: number; readonly version: number; readonly movementId: number }
  | { readonly status: 'insufficient'; readonly quantity: number }
  | { readonly status: 'out-of-range'; readonly quantity: number }
  | { readonly status: 'version-conflict'; readonly version: number };

/**
 * Writes to inventory records. Every method is scoped to one tenant; no row of another is ever
 * seen. Every write that changes a record's quantity appends its movement to the ledger in the
 * same transaction (reason `set` for absolute writes, `delete` for deletes), stamped with `origin`
 * (default {@link EMBEDDED_ORIGIN}).
 */
export interface InventoryRepository {
  get(tenant: TenantId, id: number): Promise<InventoryRecord | undefined>;
  /** Inserts a record at version 1; throws INVENTORY_ALREADY_EXISTS when its identity key is taken. */
  create(tenant: TenantId, values: InventoryValues, now: IsoInstant, origin?: WriteOrigin): Promise<InventoryRecord>;
  /**
   * Applies changes in one conditional statement: only when the version is one of `versions`
   * (any, when undefined) and some field differs; then `version` + 1 and `lastModifiedAt` = now.
   * A change equal to what is stored is a quiet no-op. INVENTORY_ALREADY_EXISTS on a key collision.
   */
  update(tenant: TenantId, id: number, changes: InventoryChanges, now: IsoInstant, versions?: readonly number[], origin?: WriteOrigin): Promise<RecordWrite>;
  /** Deletes when the version is one of `versions` (any, when undefined); `record` is the row as it was. */
  delete(tenant: TenantId, id: number, versions?: readonly number[], now?: IsoInstant, origin?: WriteOrigin): Promise<RecordWrite>;
  /**
   * Inserts or updates every row in one atomic step, keyed on the identity key. Rows have distinct
   * keys and come sorted by key; outcomes come back in the same order.
   */
  upsertMany(tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant, origin?: WriteOrigin): Promise<(UpsertOutcome | UpsertConflict)[]>;
  /**
   * Adds each row's delta to its record with the new quantity computed by the database in the
   * write itself, so concurrent adjustments lose nothing. Rows have distinct keys and come sorted
   * by key; outcomes come back in the same order. A refused row writes nothing.
   */
  adjustMany(tenant: TenantId, rows: readonly AdjustmentRow[], now: IsoInstant, origin?: WriteOrigin): Promise<AdjustmentOutcome[]>;
  countForProduct(tenant: TenantId, productId: number): Promise<number>;
}
