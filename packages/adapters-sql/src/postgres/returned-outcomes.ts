import { identityKeyString, type IdentityKey, type InventoryValues, type UpsertOutcome } from '@inventory/core';

/** What an upsert returns per row, as an array: `id, version, <identity key columns>`. */
export const RETURNED_COLUMNS = 'id, version, product_id, supplier, supplier_code, location, warehouse_id, company_id';

/**
 * Pairs the rows an upsert returned (RETURNED_COLUMNS) with its input rows. PostgreSQL returns
 * them in input order in practice, which is checked key by key; should it ever reorder them,
 * they are matched by key instead.
 */
export function returnedOutcomes(rows: readonly InventoryValues[], returned: readonly (readonly unknown[])[]): UpsertOutcome[] {
  const inOrder = returned.length === rows.length && rows.every((row, index) => sameKey(row, returned[index]));
  const byKey = inOrder ? undefined : new Map(returned.map((row) => [identityKeyString(keyOf(row)), row]));
  return rows.map((row, index) => {
    const match = byKey === undefined ? returned[index] : byKey.get(identityKeyString(row));
    if (match === undefined) throw new Error('bulk upsert returned no row for an input row');
    return { id: match[0] as number, created: match[1] === 1 };
  });
}

function sameKey(values: InventoryValues, row: readonly unknown[] | undefined): boolean {
  return (
    row !== undefined &&
    row[2] === values.productId &&
    row[3] === values.supplier &&
    row[4] === values.supplierCode &&
    row[5] === values.location &&
    row[6] === values.warehouseId &&
    row[7] === values.companyId
  );
}

function keyOf(row: readonly unknown[]): IdentityKey {
  return {
    productId: row[2] as number,
    supplier: row[3] as string,
    supplierCode: row[4] as string,
    location: row[5] as string,
    warehouseId: row[6] as number,
    companyId: row[7] as number,
  };
}
