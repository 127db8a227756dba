import type { ErrorCode } from '@inventory/core';

/** Failures only the HTTP edge can produce: credentials, JSON syntax, media types, routing, and bugs. */
export type HttpOnlyErrorCode = 'UNAUTHORIZED' | 'FORBIDDEN' | 'INVALID_JSON' | 'UNSUPPORTED_MEDIA_TYPE' | 'ROUTE_NOT_FOUND' | 'INTERNAL';

export type RestErrorCode = ErrorCode | HttpOnlyErrorCode;

/** How one failure looks on the wire (docs/rest.md): numeric code, type name and HTTP status. */
export interface WireError {
  readonly code: number;
  readonly type: string;
  readonly status: number;
}

/**
 * The one mapping from every failure code to the REST error table (docs/rest.md). It is a
 * `Record` over the core's `ErrorCode` union, so a new core code does not compile until it is
 * mapped here. `PRODUCT_HAS_INVENTORY` (80010) extends the table for the product-reference delete;
 * `UNSUPPORTED_MEDIA_TYPE` (10415) refuses a body a JSON route cannot read as JSON.
 */
export const ERROR_TABLE: Readonly<Record<RestErrorCode, WireError>> = {
  UNAUTHORIZED: { code: 10001, type: 'Unauthorized', status: 401 },
  FORBIDDEN: { code: 10002, type: 'Forbidden', status: 403 },
  INVALID_JSON: { code: 10005, type: 'InvalidJSONPayload', status: 400 },
  INVALID_LOOKUP_KEY: { code: 10006, type: 'InvalidLookupKey', status: 400 },
  VALIDATION_FAILED: { code: 10007, type: 'SchemaValidationException', status: 400 },
  ROUTE_NOT_FOUND: { code: 10008, type: 'NotFound', status: 404 },
  INVALID_PAGING: { code: 10015, type: 'PaginatedResponseException', status: 400 },
  LOOKUP_KEY_MISSING: { code: 10016, type: 'LookupKeyNotFound', status: 400 },
  PAYLOAD_TOO_LARGE: { code: 10021, type: 'PayloadTooLarge', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { code: 10415, type: 'UnsupportedMediaType', status: 415 },
  INTERNAL: { code: 10500, type: 'InternalError', status: 500 },
  SERVICE_UNAVAILABLE: { code: 10503, type: 'ServiceUnavailable', status: 503 },
  INVALID_INVENTORY_TYPE: { code: 13001, type: 'InvalidInventoryType', status: 400 },
  INVENTORY_NOT_FOUND: { code: 13006, type: 'InventoryNotFound', status: 404 },
  INVENTORY_ALREADY_EXISTS: { code: 13009, type: 'InventoryAlreadyExists', status: 409 },
  PRODUCT_MULTIPLE_FOUND: { code: 80005, type: 'ProductMultipleFound', status: 400 },
  PRODUCT_NOT_FOUND: { code: 80006, type: 'ProductNotFound', status: 404 },
  PRODUCT_SOURCE_CONFLICT: { code: 80009, type: 'ProductSourceConflict', status: 409 },
  PRODUCT_HAS_INVENTORY: { code: 80010, type: 'ProductHasInventory', status: 409 },
  IDEMPOTENCY_KEY_IN_FLIGHT: { code: 10409, type: 'IdempotencyKeyInFlight', status: 409 },
  PRECONDITION_FAILED: { code: 10412, type: 'PreconditionFailed', status: 412 },
  IDEMPOTENCY_KEY_REUSED: { code: 10422, type: 'IdempotencyKeyReused', status: 422 },
  INSUFFICIENT_STOCK: { code: 13010, type: 'InsufficientStock', status: 409 },
  VERSION_CONFLICT: { code: 13011, type: 'VersionConflict', status: 409 },
  HOLD_NOT_FOUND: { code: 13020, type: 'HoldNotFound', status: 404 },
  HOLD_NOT_ACTIVE: { code: 13021, type: 'HoldNotActive', status: 409 },
};
