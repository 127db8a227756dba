import { identityKeyString, type IdentityKey, type InventoryValues, type UpsertOutcome } from '@inventory/core';
import { KEY_COLUMNS } from '../sql/inventory-columns.js';

/** What an upsert returns per written row, as an array: `id, version, <identity key columns>`. */
export const RETURNED_COLUMNS = ['id', 'version', ...KEY_COLUMNS.map(({ column }) => column)].join(', ');
const KEY_OFFSET = 2;

/**
 * Pairs the rows an upsert returned (RETURNED_COLUMNS) with its input rows; an input row the
 * upsert left unchanged returned nothing and gets `undefined`. PostgreSQL returns rows in input
 * order in practice, so one walk pairs them key by key; should it ever reorder them, they are
 * matched by key instead.
 */
export function returnedOutcomes(rows: readonly InventoryValues[], returned: readonly (readonly unknown[])[]): (UpsertOutcome | undefined)[] {
  const outcomes: (UpsertOutcome | undefined)[] = [];
  let next = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const match = returned[next];
    if (match !== undefined && sameKey(rows[index] as InventoryValues, match)) {
      outcomes.push(outcomeOf(match));
      next += 1;
    } else {
      outcomes.push(undefined);
    }
  }
  if (next === returned.length) return outcomes;
  const byKey = new Map(returned.map((row) => [identityKeyString(keyOf(row)), row]));
  return rows.map((row) => {
    const match = byKey.get(identityKeyString(row));
    return match === undefined ? undefined : outcomeOf(match);
  });
}

function outcomeOf(row: readonly unknown[]): UpsertOutcome {
  return { id: row[0] as number, created: row[1] === 1, changed: true };
}

function sameKey(values: InventoryValues, row: readonly unknown[]): boolean {
  return KEY_COLUMNS.every(({ field }, index) => row[KEY_OFFSET + index] === values[field]);
}

function keyOf(row: readonly unknown[]): IdentityKey {
  return Object.fromEntries(KEY_COLUMNS.map(({ field }, index) => [field, row[KEY_OFFSET + index]])) as unknown as IdentityKey;
}
