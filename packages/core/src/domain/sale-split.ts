import { LOCAL_SUPPLIER } from './field-limits.js';
import type { InventoryRecord } from './inventory-record.js';

/** How much one record gives up for a sale. */
export interface SaleTake {
  readonly id: number;
  readonly take: number;
}

/**
 * The reference rule of a hold commit (docs/holds.md): local records first, then supplier records,
 * each in id order and each down to zero; what is left comes from the last one (which may go
 * negative). The SQL adapter computes the same split in the database.
 */
export function saleSplit(records: readonly InventoryRecord[], quantity: number): SaleTake[] {
  const ordered = [...records].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  let left = quantity;
  const takes = ordered.map((record) => {
    const take = Math.min(Math.max(record.quantity, 0), left);
    left -= take;
    return { id: record.id, take };
  });
  const last = takes.at(-1);
  if (last !== undefined && left > 0) takes[takes.length - 1] = { id: last.id, take: last.take + left };
  return takes.filter(({ take }) => take !== 0);
}

function rank(record: InventoryRecord): number {
  return record.supplier === LOCAL_SUPPLIER ? 0 : 1;
}
