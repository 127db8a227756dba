import { compareIdentityKeys } from '../domain/inventory-record.js';
import type { InventoryFieldsInput } from '../domain/inventory-input.js';
import type { LookupKind } from '../domain/lookup-key.js';
import type { InventoryUpsert, UpsertField } from '../ports/inventory-repository.js';

/** A valid item's row before items sharing an identity key merge. */
export interface Candidate {
  readonly upsert: InventoryUpsert;
  readonly item: MergedItem;
}

export interface MergedItem {
  readonly index: number;
  readonly key: string;
  readonly kind: LookupKind;
}

export interface PendingRow {
  upsert: InventoryUpsert;
  /** The items merged into this row, in request order. */
  readonly items: MergedItem[];
}

export const OVERWRITABLE: readonly UpsertField[] = ['costPrice', 'nextDeliveryDate', 'notes'];
/** Every subset of OVERWRITABLE in its order, indexed by a bit mask, so items share these arrays. */
const OVERWRITE_SETS: readonly (readonly UpsertField[])[] = Array.from({ length: 1 << OVERWRITABLE.length }, (_, mask) => OVERWRITABLE.filter((_field, bit) => (mask & (1 << bit)) !== 0));

/** The overwritable fields an item gives, as one of the shared OVERWRITE_SETS. */
export function overwriteOf(fields: InventoryFieldsInput): readonly UpsertField[] {
  let mask = 0;
  OVERWRITABLE.forEach((field, bit) => {
    if (fields[field] !== undefined) mask |= 1 << bit;
  });
  return OVERWRITE_SETS[mask] ?? OVERWRITABLE;
}

/**
 * One row per identity key, sorted by key (so concurrent batches lock rows in one order). A
 * stable sort keeps items sharing a key in request order, and each merges into the row before it.
 */
export function mergeByKey(candidates: Candidate[]): PendingRow[] {
  candidates.sort((a, b) => compareIdentityKeys(a.upsert.values, b.upsert.values));
  const rows: PendingRow[] = [];
  let last: PendingRow | undefined;
  for (const { upsert, item } of candidates) {
    if (last !== undefined && compareIdentityKeys(last.upsert.values, upsert.values) === 0) {
      last.upsert = merged(last.upsert, upsert);
      last.items.push(item);
    } else {
      last = { upsert, items: [item] };
      rows.push(last);
    }
  }
  return rows;
}

/**
 * A later item for the same key: its quantity and the fields it gives win. Every item is checked
 * against the version stored before the request, so the first expectedVersion given is the row's.
 */
function merged(existing: InventoryUpsert, later: InventoryUpsert): InventoryUpsert {
  const given = Object.fromEntries(later.overwrite.map((field) => [field, later.values[field]]));
  const expectedVersion = existing.expectedVersion ?? later.expectedVersion;
  return {
    values: { ...existing.values, quantity: later.values.quantity, ...given },
    overwrite: OVERWRITABLE.filter((field) => existing.overwrite.includes(field) || later.overwrite.includes(field)),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
}
