import type { IsoInstant } from './instant.js';
import type { InventoryType } from './inventory-record.js';

/** Why a quantity changed: an adjustment names its reason; absolute writes are `set`, deletes `delete`, hold commits `sale`. */
export type AdjustmentReason = 'receipt' | 'sale' | 'return' | 'damage' | 'loss' | 'count' | 'transfer' | 'correction' | 'other';
export const ADJUSTMENT_REASONS: readonly AdjustmentReason[] = ['receipt', 'sale', 'return', 'damage', 'loss', 'count', 'transfer', 'correction', 'other'];
export type MovementReason = AdjustmentReason | 'set' | 'delete';
export const MOVEMENT_REASONS: readonly MovementReason[] = [...ADJUSTMENT_REASONS, 'set', 'delete'];

/** The transport a write came through; recorded on every movement. */
export type WriteChannel = 'rest' | 'graphql' | 'csv';

/** Who wrote: the channel and the OAuth client of the token (docs/ledger.md). */
export interface WriteOrigin {
  readonly channel: WriteChannel;
  readonly clientId: string;
}

/** The origin of writes made by code that embeds the core without a transport. */
export const EMBEDDED_ORIGIN: WriteOrigin = { channel: 'rest', clientId: '' };

/**
 * One change of one record's quantity, appended in the transaction of the write (docs/ledger.md).
 * Per record, movements in id order chain: each `quantityAfter` is the previous one plus `delta`,
 * so the deltas of a record always sum to its quantity (0 once deleted).
 */
export interface Movement {
  readonly id: number;
  readonly inventoryId: number;
  readonly productId: number;
  readonly inventoryType: InventoryType;
  readonly warehouseId: number;
  readonly location: string;
  readonly companyId: number;
  readonly supplier: string;
  readonly supplierCode: string;
  readonly delta: number;
  readonly quantityAfter: number;
  readonly reason: MovementReason;
  readonly reference: string;
  readonly channel: WriteChannel;
  readonly clientId: string;
  readonly createdAt: IsoInstant;
}

/** Which movements to list: every given field narrows; `after` is the last id already seen. */
export interface MovementFilter {
  readonly productId?: number;
  readonly inventoryId?: number;
  readonly reason?: MovementReason;
  readonly from?: IsoInstant;
  readonly to?: IsoInstant;
  readonly after?: number;
}

/** What a movement records about its write besides the record's own fields. */
export interface MovementNote {
  readonly reason: MovementReason;
  readonly reference: string;
}
