import type { Decimal5 } from '@inventory/core';
import type { SqlDialect } from './sql-dialect.js';

/**
 * SQLite: positional `?` placeholders, lists as one JSON array parameter read with `json_each`,
 * cost price as the Decimal5 integer itself, instants as canonical ISO text (whose
 * lexicographic order is time order).
 */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  placeholder: () => '?',
  value: (_type, value) => value,
  inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  listValue: (values) => JSON.stringify(values),
  inPairs: (first, second) => `(${first}, ${second}) IN (SELECT a.value, b.value FROM json_each(?) a JOIN json_each(?) b ON b.key = a.key)`,
  instantText: (expression) => expression,
  isDistinct: (left, right) => `${left} IS NOT ${right}`,
  jsonRecords: (_position, columns, alias) => `(SELECT ${columns.map(([name]) => `json_extract(value, '$.${name}') AS "${name}"`).join(', ')} FROM json_each(?)) AS ${alias}`,
  lockRows: '',
  holdKeys: '',
  readCost: (value) => value as Decimal5,
  readInteger: (value) => value as number,
};
