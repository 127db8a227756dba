import { formatDecimal5, parseDecimal5, type Decimal5 } from '@inventory/core';
import type { SqlDialect, SqlType } from './sql-dialect.js';

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
  instantText: (expression) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  readCost: (value) => {
    const parsed = parseDecimal5(String(value));
    if (typeof parsed === 'string') throw new Error(`cost price read from the database is not a decimal(10,5)`);
    return parsed;
  },
  readInteger: (value) => Number(value),
};
