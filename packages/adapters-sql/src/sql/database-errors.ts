import { InventoryError, isInventoryError, type ErrorCode } from '@inventory/core';

/** Driver error codes meaning "the database cannot serve this now" (503, retry later). */
const UNAVAILABLE_CODES = new Set([
  // Node network errors
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  // PostgreSQL: shutdown, cannot connect now, too many connections, out of resources, statement
  // timeout, deadlock / serialization (retryable), bad credentials or missing database
  '57P01', '57P02', '57P03', '53000', '53100', '53200', '53300', '57014', '40001', '40P01', '28000', '28P01', '3D000',
  // SQLite: locked past the busy timeout, I/O, full disk, read-only file
  'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY',
]);

/** pg and pg-pool report lost connections and pool timeouts by message only. */
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Query read timeout|Connection terminated|not queryable|Cannot use a pool after calling end|connection is not open|database connection is not open/i;

const UNIQUE_VIOLATION_CODES = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * Turns a driver error into what callers may see: SERVICE_UNAVAILABLE when the database cannot
 * serve, `conflict` on a unique violation when the caller expects one, and otherwise a plain
 * error whose message names only the driver's code — never SQL text or values — with the
 * original kept as `cause` for the logs.
 */
export function toPersistenceError(error: unknown, conflict?: ErrorCode): Error {
  if (isInventoryError(error)) return error;
  const code = errorCode(error);
  if (conflict !== undefined && code !== undefined && UNIQUE_VIOLATION_CODES.has(code)) {
    return new InventoryError(conflict, conflictMessage(conflict));
  }
  if (isUnavailable(error, code)) return serviceUnavailable(error);
  return new Error(`Database operation failed${code === undefined ? '' : ` (${code})`}`, { cause: error });
}

export function serviceUnavailable(cause?: unknown): InventoryError {
  const error = new InventoryError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again later');
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

function isUnavailable(error: unknown, code: string | undefined): boolean {
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('SQLITE_IOERR'))) return true;
  if (error instanceof Error && (error.name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGES.test(error.message))) return true;
  return error instanceof AggregateError && error.errors.some((inner) => isUnavailable(inner, errorCode(inner)));
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function conflictMessage(code: ErrorCode): string {
  if (code === 'INVENTORY_ALREADY_EXISTS') return 'An inventory record with the same identity key already exists';
  if (code === 'PRODUCT_SOURCE_CONFLICT') return 'A source belongs to another product';
  return 'The write conflicts with existing data';
}
