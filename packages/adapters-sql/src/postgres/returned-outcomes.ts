import { identityKeyString, type IdentityKey, type InventoryValues, type UpsertOutcome } from '@inventory/core';
import type { SqlRow } from '../sql/sql-executor.js';

/**
 * Pairs the rows an upsert's `RETURNING id, version, <identity key>` gave with its input rows.
 * PostgreSQL returns them in input order in practice, which is checked key by key; should it ever
 * reorder them, they are matched by key instead.
 */
export function returnedOutcomes(rows: readonly InventoryValues[], returned: readonly SqlRow[]): UpsertOutcome[] {
  const inOrder = returned.length === rows.length && rows.every((row, index) => sameKey(row, returned[index]));
  const byKey = inOrder ? undefined : new Map(returned.map((row) => [identityKeyString(keyOf(row)), row]));
  return rows.map((row, index) => {
    const match = byKey === undefined ? returned[index] : byKey.get(identityKeyString(row));
    if (match === undefined) throw new Error('bulk upsert returned no row for an input row');
    return { id: match['id'] as number, created: match['version'] === 1 };
  });
}

function sameKey(values: InventoryValues, row: SqlRow | undefined): boolean {
  return (
    row !== undefined &&
    row['product_id'] === values.productId &&
    row['supplier'] === values.supplier &&
    row['supplier_code'] === values.supplierCode &&
    row['location'] === values.location &&
    row['warehouse_id'] === values.warehouseId &&
    row['company_id'] === values.companyId
  );
}

function keyOf(row: SqlRow): IdentityKey {
  return {
    productId: row['product_id'] as number,
    supplier: row['supplier'] as string,
    supplierCode: row['supplier_code'] as string,
    location: row['location'] as string,
    warehouseId: row['warehouse_id'] as number,
    companyId: row['company_id'] as number,
  };
}
