import { isInventoryError } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { toPersistenceError } from './database-errors.js';

const driverError = (code: string, message = 'driver says no'): Error => Object.assign(new Error(message), { code });
const codeOf = (error: Error): string => (isInventoryError(error) ? error.code : 'plain');

describe('toPersistenceError', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', '57P01', '08006', '53300', '57014', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_IOERR_WRITE'])(
    'when the driver reports %s, the database is unavailable',
    (code) => {
      expect(codeOf(toPersistenceError(driverError(code)))).toBe('SERVICE_UNAVAILABLE');
    },
  );

  it.each(['timeout exceeded when trying to connect', 'Connection terminated unexpectedly', 'The database connection is not open'])(
    'when the driver says "%s", the database is unavailable',
    (message) => {
      expect(codeOf(toPersistenceError(new Error(message)))).toBe('SERVICE_UNAVAILABLE');
    },
  );

  it('when every address of a host refuses, the aggregate counts as unavailable', () => {
    expect(codeOf(toPersistenceError(new AggregateError([driverError('ECONNREFUSED')], 'connect failed')))).toBe('SERVICE_UNAVAILABLE');
  });

  it.each(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])('when %s is a conflict the caller expects, it becomes that code', (code) => {
    expect(codeOf(toPersistenceError(driverError(code), 'PRODUCT_SOURCE_CONFLICT'))).toBe('PRODUCT_SOURCE_CONFLICT');
    expect(codeOf(toPersistenceError(driverError(code)))).toBe('plain');
  });

  it('when the error is unexpected, the message names the code only and keeps the original as cause', () => {
    const original = driverError('42601', 'syntax error at or near "SELEKT" in SELEKT secret FROM t');
    const mapped = toPersistenceError(original);
    expect(mapped.message).toBe('Database operation failed (42601)');
    expect(mapped.cause).toBe(original);
  });
});
