import type { InventoryUpsert, InventoryValues, IsoInstant, TenantId, UpsertField, UpsertOutcome } from '@inventory/core';

/** The column each overwritable field lives in; a new `UpsertField` does not compile until mapped. */
export const UPSERT_COLUMNS: Readonly<Record<UpsertField, string>> = { costPrice: 'cost_price', nextDeliveryDate: 'next_delivery_date', notes: 'notes' };
const UPSERT_FIELDS = Object.keys(UPSERT_COLUMNS) as UpsertField[];

/** The dialect-specific statements of a bulk upsert. */
export interface UpsertWriter {
  /**
   * Inserts or updates `rows` in their order with set-based statements; an existing record gets
   * quantity, lastModifiedAt and `fields`. Returns each row's outcome, in input order.
   */
  upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<UpsertOutcome[]>;
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
  const values = new Array<InventoryValues>(rows.length);
  for (let index = 0; index < rows.length; index += 1) values[index] = (rows[index] as InventoryUpsert).values;
  const outcomes = await writer.upsert(tenant, values, shared, now);
  if (outcomes.length !== rows.length) throw new Error('bulk upsert returned a different number of outcomes than rows');
  const extra = new Map<string, { fields: UpsertField[]; targets: { id: number; values: InventoryValues }[] }>();
  rows.forEach((row, index) => {
    const outcome = outcomes[index];
    // Rows naming only the shared fields (nearly always all of them) are done.
    if (outcome === undefined || outcome.created || row.overwrite.length === shared.length) return;
    const fields = UPSERT_FIELDS.filter((field) => row.overwrite.includes(field) && !shared.includes(field));
    const signature = fields.join();
    const group = extra.get(signature) ?? { fields, targets: [] };
    group.targets.push({ id: outcome.id, values: row.values });
    extra.set(signature, group);
  });
  for (const { fields, targets } of extra.values()) await writer.assign(tenant, targets, fields);
  return outcomes;
}
