import { identityKeyString, type IdentityKey, type InventoryUpsert, type InventoryValues, type IsoInstant, type TenantId, type UpsertField, type UpsertOutcome } from '@inventory/core';
import type { SqlRow } from '../sql/sql-executor.js';

/** The column each overwritable field lives in; a new `UpsertField` does not compile until mapped. */
export const UPSERT_COLUMNS: Readonly<Record<UpsertField, string>> = { costPrice: 'cost_price', nextDeliveryDate: 'next_delivery_date', notes: 'notes' };
const UPSERT_FIELDS = Object.keys(UPSERT_COLUMNS) as UpsertField[];

/** The dialect-specific statements of a bulk upsert. */
export interface UpsertWriter {
  /**
   * Inserts or updates `rows` in their order with set-based statements; an existing record gets
   * quantity, lastModifiedAt and `fields`. Returns one row per input row with `id`, `version`
   * and the identity key columns.
   */
  upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<SqlRow[]>;
  /** Sets `fields` on existing records of this transaction's upsert, by id. */
  assign(tenant: TenantId, targets: readonly { readonly id: number; readonly values: InventoryValues }[], fields: readonly UpsertField[]): Promise<void>;
}

/**
 * Upserts in at most two steps, so concurrent batches cannot deadlock: one statement (or one per
 * chunk) over every row in key order, overwriting the fields all rows name; then, only for
 * existing records that name more, one update per extra-field set — on rows this transaction
 * has already locked.
 */
export async function upsertInventory(writer: UpsertWriter, tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const shared = UPSERT_FIELDS.filter((field) => rows.every((row) => row.overwrite.includes(field)));
  const returned = await writer.upsert(tenant, rows.map((row) => row.values), shared, now);
  const outcomes = alignOutcomes(rows, returned);
  const extra = new Map<string, { fields: UpsertField[]; targets: { id: number; values: InventoryValues }[] }>();
  rows.forEach((row, index) => {
    const outcome = outcomes[index];
    const fields = UPSERT_FIELDS.filter((field) => row.overwrite.includes(field) && !shared.includes(field));
    if (outcome === undefined || outcome.created || fields.length === 0) return;
    const signature = fields.join();
    const group = extra.get(signature) ?? { fields, targets: [] };
    group.targets.push({ id: outcome.id, values: row.values });
    extra.set(signature, group);
  });
  for (const { fields, targets } of extra.values()) await writer.assign(tenant, targets, fields);
  return outcomes;
}

/**
 * Pairs returned rows with input rows. Both drivers return them in input order in practice, which
 * is checked key by key; should a driver ever reorder them, they are matched by key instead.
 */
function alignOutcomes(rows: readonly InventoryUpsert[], returned: readonly SqlRow[]): UpsertOutcome[] {
  const inOrder = returned.length === rows.length && rows.every((row, index) => sameKey(row.values, returned[index]));
  const byKey = inOrder ? undefined : new Map(returned.map((row) => [identityKeyString(keyOf(row)), row]));
  return rows.map((row, index) => {
    const match = byKey === undefined ? returned[index] : byKey.get(identityKeyString(row.values));
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
