import { InventoryError } from '../domain/errors.js';
import type { InventoryType } from '../domain/inventory-record.js';
import type { LookupKind } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import type { WriteOrigin } from '../domain/movement.js';
import type { InventoryDeps } from './deps.js';
import { upsertInventoryItems, type BulkItem, type BulkItemResult } from './upsert-inventory-items.js';

export interface BulkUpsertCommand {
  readonly kind: LookupKind;
  readonly type: InventoryType;
  /** The source or supplier for every item that does not carry its own. */
  readonly qualifier?: string;
  readonly items: readonly BulkItem[];
}

/**
 * The bulk upsert (docs/rest.md): items of one lookup kind and inventory type, at most `bulkMaxItems`,
 * each validated and resolved on its own, every valid one written in one transaction.
 */
export async function bulkUpsertInventory(deps: InventoryDeps, tenant: TenantId, command: BulkUpsertCommand, origin?: WriteOrigin): Promise<BulkItemResult[]> {
  if (command.items.length > deps.limits.bulkMaxItems) {
    throw new InventoryError('PAYLOAD_TOO_LARGE', `A bulk request takes at most ${deps.limits.bulkMaxItems} items`);
  }
  const { kind, type, qualifier } = command;
  return upsertInventoryItems(
    deps,
    tenant,
    command.items.map((item) => ({ kind, type, item, ...(qualifier !== undefined && { qualifier }) })),
    false,
    origin,
  );
}
