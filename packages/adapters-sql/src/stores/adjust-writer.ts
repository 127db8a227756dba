import { LIMITS, type AdjustmentOutcome, type AdjustmentRow, type IsoInstant, type TenantId, type WriteOrigin } from '@inventory/core';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, identityCondition, insertValues } from '../sql/inventory-row.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import { recordMovements } from './movement-recorder.js';

type Applied = Extract<AdjustmentOutcome, { status: 'applied' }>;

/**
 * Adjustments (docs/ledger.md): per row one conditional `UPDATE … SET quantity = quantity + ?`
 * whose WHERE holds every rule (version, no negative result unless allowed, the quantity range),
 * so the database computes the new quantity under the row lock and concurrent adjustments lose
 * nothing. A row it did not update is read under lock to say why, or created when it is missing
 * and the delta positive. The round's movements follow in one statement.
 */
export async function adjustInventory(executor: SqlExecutor, tenant: TenantId, rows: readonly AdjustmentRow[], now: IsoInstant, origin: WriteOrigin): Promise<AdjustmentOutcome[]> {
  const outcomes: AdjustmentOutcome[] = [];
  for (const row of rows) outcomes.push(await adjustOne(executor, tenant, row, now));
  const applied = outcomes.flatMap((outcome, index) => (outcome.status === 'applied' ? [{ id: outcome.id, ...(rows[index] as AdjustmentRow).note }] : []));
  const movements = await recordMovements(executor, tenant, applied, origin, now);
  return outcomes.map((outcome) => (outcome.status === 'applied' ? { ...outcome, movementId: movements.get(outcome.id) ?? 0 } : outcome));
}

async function adjustOne(executor: SqlExecutor, tenant: TenantId, row: AdjustmentRow, now: IsoInstant): Promise<AdjustmentOutcome> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const updated = await addDelta(executor, tenant, row, now);
    if (updated !== undefined) return updated;
    const current = await currentOf(executor, tenant, row);
    if (current === undefined) {
      if (row.expectedVersion !== undefined && row.expectedVersion !== 0) return { status: 'version-conflict', version: 0 };
      if (row.delta < 0) return { status: 'insufficient', quantity: 0 };
      const created = await createWithDelta(executor, tenant, row, now);
      if (created !== undefined) return created;
      continue;
    }
    if (row.expectedVersion !== undefined && current.version !== row.expectedVersion) return { status: 'version-conflict', version: current.version };
    const quantity = current.quantity + row.delta;
    if (quantity < LIMITS.quantity.min || quantity > LIMITS.quantity.max) return { status: 'out-of-range', quantity: current.quantity };
    if (quantity < 0 && !row.allowNegative) return { status: 'insufficient', quantity: current.quantity };
  }
  throw new Error('an adjusted record kept changing while it was read under lock');
}

async function addDelta(executor: SqlExecutor, tenant: TenantId, row: AdjustmentRow, now: IsoInstant): Promise<Applied | undefined> {
  const params = new SqlParams(executor.dialect);
  const set = `quantity = quantity + ${params.int(row.delta)}, version = version + 1, last_modified_at = ${params.instant(now)}`;
  const conditions = [identityCondition(params, tenant, row.values)];
  if (row.expectedVersion !== undefined) conditions.push(`version = ${params.int(row.expectedVersion)}`);
  const result = `quantity + ${params.int(row.delta)}`;
  conditions.push(`${result} BETWEEN ${params.int(LIMITS.quantity.min)} AND ${params.int(LIMITS.quantity.max)}`);
  if (!row.allowNegative) conditions.push(`quantity + ${params.int(row.delta)} >= 0`);
  const [updated] = await executor.rows(`UPDATE inventory SET ${set} WHERE ${conditions.join(' AND ')} RETURNING id, quantity, version`, params.values);
  return updated === undefined ? undefined : applied(updated, false);
}

async function createWithDelta(executor: SqlExecutor, tenant: TenantId, row: AdjustmentRow, now: IsoInstant): Promise<Applied | undefined> {
  const params = new SqlParams(executor.dialect);
  const values = insertValues(params, tenant, { ...row.values, quantity: row.delta }, now);
  const [created] = await executor.rows(`INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${values} ON CONFLICT (${IDENTITY_COLUMNS}) DO NOTHING RETURNING id, quantity, version`, params.values);
  return created === undefined ? undefined : applied(created, true);
}

async function currentOf(executor: SqlExecutor, tenant: TenantId, row: AdjustmentRow): Promise<{ quantity: number; version: number } | undefined> {
  const params = new SqlParams(executor.dialect);
  const [found] = await executor.rows(`SELECT quantity, version FROM inventory WHERE ${identityCondition(params, tenant, row.values)}${executor.dialect.lockRows}`, params.values);
  return found === undefined ? undefined : { quantity: Number(found[0]), version: Number(found[1]) };
}

function applied(row: readonly unknown[], created: boolean): Applied {
  return { status: 'applied', id: Number(row[0]), created, quantity: Number(row[1]), version: Number(row[2]), movementId: 0 };
}

