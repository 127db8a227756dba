import type { InventoryUpsert, InventoryValues, IsoInstant, TenantId, UpsertConflict, UpsertField, UpsertOutcome } from '@inventory/core';
import { UPSERT_COLUMNS } from '../sql/inventory-columns.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { upsertChecked } from './checked-upsert.js';

const UPSERT_FIELDS: readonly UpsertField[] = UPSERT_COLUMNS.map(({ field }) => field);

/** An existing record to give more fields than the shared ones; `bumped` when step one already versioned it. */
export interface AssignTarget {
  readonly id: number;
  readonly values: InventoryValues;
  readonly bumped: boolean;
}

/** The dialect-specific statements of a bulk upsert. */
export interface UpsertWriter {
  /**
   * Inserts or updates `rows` in their order with set-based statements; an existing record gets
   * quantity, lastModifiedAt, version + 1 and `fields` only when one of them differs (otherwise it
   * stays as it is, `changed: false`). Returns each row's outcome, in input order.
   */
  upsert(tenant: TenantId, rows: readonly InventoryValues[], fields: readonly UpsertField[], now: IsoInstant): Promise<UpsertOutcome[]>;
  /**
   * Sets `fields` on existing records of this transaction's upsert, by id, where they differ, adding
   * a version unless step one already did. Returns the ids it changed.
   */
  assign(tenant: TenantId, targets: readonly AssignTarget[], fields: readonly UpsertField[], now: IsoInstant): Promise<ReadonlySet<number>>;
}

/**
 * Upserts in at most two steps, so concurrent batches cannot deadlock: one statement (or one per
 * chunk) over every row in key order, overwriting the fields all rows name; then, only for
 * existing records that name more, one update per extra-field set — on rows this transaction
 * has already locked. Rows with an `expectedVersion` are written one by one with their check.
 */
export async function upsertInventory(writer: UpsertWriter, executor: SqlExecutor, tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<(UpsertOutcome | UpsertConflict)[]> {
  if (rows.length === 0) return [];
  if (rows.some((row) => row.expectedVersion !== undefined)) return upsertMixed(writer, executor, tenant, rows, now);
  return upsertPlain(writer, tenant, rows, now);
}

async function upsertPlain(writer: UpsertWriter, tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<UpsertOutcome[]> {
  if (rows.length === 0) return [];
  const shared = UPSERT_FIELDS.filter((field) => rows.every((row) => row.overwrite.includes(field)));
  const values = new Array<InventoryValues>(rows.length);
  for (let index = 0; index < rows.length; index += 1) values[index] = (rows[index] as InventoryUpsert).values;
  const outcomes = await writer.upsert(tenant, values, shared, now);
  if (outcomes.length !== rows.length) throw new Error('bulk upsert returned a different number of outcomes than rows');
  const extra = new Map<string, { fields: UpsertField[]; targets: AssignTarget[] }>();
  rows.forEach((row, index) => {
    const outcome = outcomes[index];
    // Rows naming only the shared fields (nearly always all of them) are done.
    if (outcome === undefined || outcome.created || row.overwrite.length === shared.length) return;
    const fields = UPSERT_FIELDS.filter((field) => row.overwrite.includes(field) && !shared.includes(field));
    const signature = fields.join();
    const group = extra.get(signature) ?? { fields, targets: [] };
    group.targets.push({ id: outcome.id, values: row.values, bumped: outcome.changed });
    extra.set(signature, group);
  });
  if (extra.size === 0) return outcomes;
  const changed = new Set<number>();
  for (const { fields, targets } of extra.values()) for (const id of await writer.assign(tenant, targets, fields, now)) changed.add(id);
  return outcomes.map((outcome) => (!outcome.changed && changed.has(outcome.id) ? { ...outcome, changed: true } : outcome));
}

/** Rows without a check go set-based as usual; checked rows one by one, each check and write one statement. */
async function upsertMixed(writer: UpsertWriter, executor: SqlExecutor, tenant: TenantId, rows: readonly InventoryUpsert[], now: IsoInstant): Promise<(UpsertOutcome | UpsertConflict)[]> {
  const plainIndexes: number[] = [];
  const outcomes = new Array<UpsertOutcome | UpsertConflict>(rows.length);
  for (const [index, row] of rows.entries()) {
    if (row.expectedVersion === undefined) plainIndexes.push(index);
    else outcomes[index] = await upsertChecked(executor, tenant, row, row.expectedVersion, now);
  }
  const plain = await upsertPlain(writer, tenant, plainIndexes.map((index) => rows[index] as InventoryUpsert), now);
  plainIndexes.forEach((rowIndex, position) => {
    outcomes[rowIndex] = plain[position] as UpsertOutcome;
  });
  return outcomes;
}
