/** A problem with one input value, located by a dotted path relative to the input (`quantity`, `sources.2.source`). */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/**
 * Every expected failure of the domain, as a stable code. Transports map each code exactly once
 * (an exhaustive `Record<ErrorCode, …>`), so adding a code does not compile until all of them do.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_LOOKUP_KEY'
  | 'LOOKUP_KEY_MISSING'
  | 'INVALID_INVENTORY_TYPE'
  | 'INVALID_PAGING'
  | 'INVENTORY_NOT_FOUND'
  | 'INVENTORY_ALREADY_EXISTS'
  | 'PRODUCT_NOT_FOUND'
  | 'PRODUCT_MULTIPLE_FOUND'
  | 'PRODUCT_SOURCE_CONFLICT'
  | 'PRODUCT_HAS_INVENTORY'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'PRECONDITION_FAILED'
  | 'VERSION_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_FLIGHT'
  | 'INSUFFICIENT_STOCK'
  | 'HOLD_NOT_FOUND'
  | 'HOLD_NOT_ACTIVE';

/** The one error type of the domain; identify it by `code` (see {@link isInventoryError}), not by class. */
export class InventoryError extends Error {
  override readonly name = 'InventoryError';
  readonly code: ErrorCode;
  readonly details: readonly Issue[];

  constructor(code: ErrorCode, message: string, details: readonly Issue[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True for any error carrying a domain error code, whichever copy of this package created it. */
export function isInventoryError(error: unknown): error is InventoryError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'InventoryError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

export function validationFailed(details: readonly Issue[], message = 'Validation failed'): InventoryError {
  return new InventoryError('VALIDATION_FAILED', message, details);
}

/** Prefixes every issue's path, for issues found inside a nested value. */
export function nestIssues(prefix: string, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ path: issue.path === '' ? prefix : `${prefix}.${issue.path}`, message: issue.message }));
}
