import type { Knex } from 'knex';
import type { DialectName } from './sql-migration.js';

/**
 * Column types the migrations share. A released migration's columns must never change, so these
 * helpers are frozen as they are: a new kind of column gets a new helper.
 */

/** Key and lookup text compares byte-wise on PostgreSQL: exact, case-sensitive and fastest. */
export function text(table: Knex.CreateTableBuilder, dialect: DialectName, name: string, length: number): Knex.ColumnBuilder {
  return dialect === 'postgres' ? table.specificType(name, `varchar(${length}) COLLATE "C"`) : table.string(name, length);
}

/** Exact decimal(10,5): numeric on PostgreSQL, an integer count of 1e-5 units on SQLite. */
export function costPrice(table: Knex.CreateTableBuilder, dialect: DialectName): Knex.ColumnBuilder {
  return table.specificType('cost_price', dialect === 'postgres' ? 'numeric(10,5)' : 'integer').notNullable().defaultTo(0);
}

/** timestamptz(3) on PostgreSQL; canonical ISO text on SQLite, whose text order is time order. */
export function instant(table: Knex.CreateTableBuilder, dialect: DialectName, name: string): Knex.ColumnBuilder {
  return table.specificType(name, dialect === 'postgres' ? 'timestamptz(3)' : 'text');
}
