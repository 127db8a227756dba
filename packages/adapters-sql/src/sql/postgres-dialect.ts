import { formatDecimal5, parseDecimal5, type Decimal5 } from '@inventory/core';
import type { SqlDialect, SqlType } from './sql-dialect.js';

const NUMERIC_10_5 = /^-?\d{1,5}\.\d{5}$/;
const CASTS: Record<SqlType, string> = { int: 'int', text: 'text', cost: 'numeric', instant: 'timestamptz' };

/**
 * PostgreSQL: numbered `$n` placeholders cast to their type, lists as typed arrays (`= ANY`),
 * cost price as `numeric(10,5)` written and read as exact decimal text, instants as
 * `timestamptz(3)` read back as canonical ISO text by the server itself.
 */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  placeholder: (position, type) => `$${position}::${CASTS[type]}`,
  value: (type, value) => (type === 'cost' && typeof value === 'number' ? formatDecimal5(value as Decimal5) : value),
  inList: (column, position, type) => `${column} = ANY($${position}::${type}[])`,
  listValue: (values) => values,
  inPairs: (first, second, firstPosition, secondPosition) =>
    `(${first}, ${second}) IN (SELECT * FROM unnest($${firstPosition}::text[], $${secondPosition}::text[]))`,
  isDistinct: (left, right) => `${left} IS DISTINCT FROM ${right}`,
  jsonRecords: (position, columns, alias) => `json_to_recordset($${position}::json) AS ${alias}(${columns.map(([name, type]) => `"${name}" ${type}`).join(', ')})`,
  lockRows: ' FOR UPDATE',
  holdKeys: ' FOR KEY SHARE',
  instantText: (expression) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  readCost: (value) => {
    // numeric(10,5) always prints its 5 decimals, so its digits are the Decimal5 units (exact: at most 10 digits; never -0).
    if (typeof value === 'string' && NUMERIC_10_5.test(value)) return (Number(value.replace('.', '')) || 0) as Decimal5;
    const parsed = parseDecimal5(String(value));
    if (typeof parsed === 'string') throw new Error(`cost price read from the database is not a decimal(10,5)`);
    return parsed;
  },
  readInteger: (value) => Number(value),
};
