import type { Movement, MovementFilter } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';

/** Reads the ledger of stock movements (docs/ledger.md); the writes append to it themselves. */
export interface MovementLedger {
  /** Movements matching the filter in ascending id order, at most `limit`. */
  list(tenant: TenantId, filter: MovementFilter, limit: number): Promise<Movement[]>;
}
