import { LIMITS, type IdentityKey, type InventoryRecord, type IsoInstant, type TenantId, type InventoryValues } from '@inventory/core';
import { INSERT_COLUMNS, KEY_COLUMNS, RECORD_COLUMNS, VALUE_COLUMNS } from './inventory-columns.js';
import type { SqlDialect } from './sql-dialect.js';
import type { SqlRow } from './sql-executor.js';
import type { SqlParams } from './sql-params.js';

export { IDENTITY_COLUMNS, INSERT_COLUMNS } from './inventory-columns.js';

const texts = new Map<SqlDialect, string>();

/** The select list of a full record, instants as canonical ISO text. */
export function recordColumns(dialect: SqlDialect): string {
  let columns = texts.get(dialect);
  if (columns === undefined) {
    columns = RECORD_COLUMNS.map(({ column, type }) => (type === 'instant' ? `${dialect.instantText(column)} AS ${column}` : column)).join(', ');
    texts.set(dialect, columns);
  }
  return columns;
}

/** A row of `recordColumns` as a record; cost prices read exactly. */
export function toInventoryRecord(row: SqlRow, dialect: SqlDialect): InventoryRecord {
  const record: Record<string, unknown> = {};
  for (const { field, column, type } of RECORD_COLUMNS) record[field] = type === 'cost' ? dialect.readCost(row[column]) : row[column];
  return record as unknown as InventoryRecord;
}

/** One `(…)` row of INSERT_COLUMNS, binding its values in column order. */
export function insertValues(params: SqlParams, tenant: TenantId, values: InventoryValues, now: IsoInstant): string {
  const bound = [params.text(tenant), ...VALUE_COLUMNS.map(({ field, type }) => params.bind(type, values[field])), params.instant(now), params.instant(now)];
  return `(${bound.join(', ')})`;
}

/** Ids outside an `integer` column's range cannot exist, so they are never sent to the database. */
export function isStorableId(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id <= LIMITS.idMax;
}

export const INSERT_COLUMN_COUNT = INSERT_COLUMNS.split(',').length;

/** `tenant` and the identity key equal to `key`'s: the condition naming one record by its key. */
export function identityCondition(params: SqlParams, tenant: TenantId, key: IdentityKey): string {
  return [`tenant = ${params.text(tenant)}`, ...KEY_COLUMNS.map(({ field, column, type }) => `${column} = ${params.bind(type, key[field])}`)].join(' AND ');
}
