import type { Issue } from '@inventory/core';
import type { RestErrorCode } from './error-table.js';

/**
 * A failure raised by the HTTP edge itself (missing scope, unknown route, bad JSON). Domain
 * failures stay core `InventoryError`s; both end in the one error middleware.
 */
export class RestError extends Error {
  override readonly name = 'RestError';

  constructor(
    readonly code: RestErrorCode,
    message: string,
    readonly details: readonly Issue[] = [],
    /** Extra response headers, e.g. `WWW-Authenticate`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
