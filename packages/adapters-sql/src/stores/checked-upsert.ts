import type { InventoryUpsert, IsoInstant, TenantId, UpsertConflict, UpsertOutcome } from '@inventory/core';
import { UPSERT_COLUMNS } from '../sql/inventory-columns.js';
import { IDENTITY_COLUMNS, INSERT_COLUMNS, identityCondition, insertValues } from '../sql/inventory-row.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

/**
 * One upsert row with its `expectedVersion`: 0 is an insert that does nothing when the key is
 * taken; any other version an update conditional on it. When the statement writes nothing, the
 * row is read under lock to tell a conflict from a quiet no-op, and a writer that slipped in
 * between is caught by running the write once more under that lock.
 */
export async function upsertChecked(executor: SqlExecutor, tenant: TenantId, row: InventoryUpsert, expected: number, now: IsoInstant): Promise<UpsertOutcome | UpsertConflict> {
  const write = expected === 0 ? () => insertIfMissing(executor, tenant, row, now) : () => updateAtVersion(executor, tenant, row, expected, now);
  const written = await write();
  if (written !== undefined) return { id: written, created: expected === 0, changed: true };
  const current = await currentVersion(executor, tenant, row);
  if (current === undefined) return { conflictVersion: 0 };
  if (current.version !== expected) return { conflictVersion: current.version };
  const late = await write();
  return { id: late ?? current.id, created: false, changed: late !== undefined };
}

async function insertIfMissing(executor: SqlExecutor, tenant: TenantId, row: InventoryUpsert, now: IsoInstant): Promise<number | undefined> {
  const params = new SqlParams(executor.dialect);
  const values = insertValues(params, tenant, row.values, now);
  const [inserted] = await executor.all(`INSERT INTO inventory (${INSERT_COLUMNS}) VALUES ${values} ON CONFLICT (${IDENTITY_COLUMNS}) DO NOTHING RETURNING id`, params.values);
  return inserted?.['id'] as number | undefined;
}

async function updateAtVersion(executor: SqlExecutor, tenant: TenantId, row: InventoryUpsert, expected: number, now: IsoInstant): Promise<number | undefined> {
  const params = new SqlParams(executor.dialect);
  const changed = [{ column: 'quantity', type: 'int' as const, value: row.values.quantity }, ...UPSERT_COLUMNS.filter(({ field }) => row.overwrite.includes(field)).map(({ field, column, type }) => ({ column, type, value: row.values[field] }))];
  // Bound in text order, so positional placeholders line up.
  const assignments = changed.map(({ column, type, value }) => `${column} = ${params.bind(type, value)}`);
  const set = `${assignments.join(', ')}, last_modified_at = ${params.instant(now)}, version = version + 1`;
  const where = `${identityCondition(params, tenant, row.values)} AND version = ${params.int(expected)}`;
  const differences = changed.map(({ column, type, value }) => executor.dialect.isDistinct(column, params.bind(type, value)));
  const sql = `UPDATE inventory SET ${set} WHERE ${where} AND (${differences.join(' OR ')}) RETURNING id`;
  const [updated] = await executor.all(sql, params.values);
  return updated?.['id'] as number | undefined;
}

async function currentVersion(executor: SqlExecutor, tenant: TenantId, row: InventoryUpsert): Promise<{ id: number; version: number } | undefined> {
  const params = new SqlParams(executor.dialect);
  const [found] = await executor.all(`SELECT id, version FROM inventory WHERE ${identityCondition(params, tenant, row.values)}${executor.dialect.lockRows}`, params.values);
  return found === undefined ? undefined : { id: found['id'] as number, version: found['version'] as number };
}

