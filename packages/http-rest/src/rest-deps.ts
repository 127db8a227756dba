import type { Authenticator, InventoryService } from '@inventory/core';
import type { CsvImport } from '@inventory/csv';
import type { UnexpectedErrorListener } from './errors/error-middleware.js';
import type { IdempotencyOptions } from './idempotency/idempotency-middleware.js';

export interface RestLimits {
  /** Largest JSON body read, in bytes; more is 413, enforced while reading. */
  readonly bodyLimitBytes: number;
  /** Items per bulk request (`BULK_MAX_ITEMS`); more is 413. */
  readonly bulkMaxItems: number;
}

/** What the REST transport needs from the composition root. */
export interface RestDeps {
  readonly service: InventoryService;
  readonly authenticator: Authenticator;
  readonly limits: RestLimits;
  /** Backs `POST /v2/inventory/import/csv`; without it that route does not exist (404). */
  readonly importCsv?: CsvImport;
  /** Bugs and outages (500 / 503), for the server's log; clients only see a generic message. */
  readonly onUnexpectedError?: UnexpectedErrorListener;
  /** Keeps answers for `Idempotency-Key`; without it the header is ignored. */
  readonly idempotency?: IdempotencyOptions;
  /** `Retry-After` seconds on 503 (default 5). */
  readonly retryAfterSeconds?: number;
}
