import type { ErrorCode, InventoryError } from '@inventory/core';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** How one domain error reads in GraphQL: its `extensions.code`, the REST type name, the HTTP status. */
export interface GraphqlErrorMapping {
  readonly code: string;
  readonly type: string;
  readonly status: number;
}

/**
 * Every domain error code mapped exactly once; a new code does not compile until it is listed.
 * The `type` names are the REST ones (docs/rest.md), so bulk results read the same on both.
 */
export const ERROR_CODES: Readonly<Record<ErrorCode, GraphqlErrorMapping>> = {
  VALIDATION_FAILED: { code: 'BAD_USER_INPUT', type: 'SchemaValidationException', status: 400 },
  INVALID_LOOKUP_KEY: { code: 'BAD_USER_INPUT', type: 'InvalidLookupKey', status: 400 },
  LOOKUP_KEY_MISSING: { code: 'BAD_USER_INPUT', type: 'LookupKeyNotFound', status: 400 },
  INVALID_INVENTORY_TYPE: { code: 'BAD_USER_INPUT', type: 'InvalidInventoryType', status: 400 },
  INVALID_PAGING: { code: 'BAD_USER_INPUT', type: 'PaginatedResponseException', status: 400 },
  INVENTORY_NOT_FOUND: { code: 'INVENTORY_NOT_FOUND', type: 'InventoryNotFound', status: 404 },
  INVENTORY_ALREADY_EXISTS: { code: 'INVENTORY_ALREADY_EXISTS', type: 'InventoryAlreadyExists', status: 409 },
  PRODUCT_NOT_FOUND: { code: 'PRODUCT_NOT_FOUND', type: 'ProductNotFound', status: 404 },
  PRODUCT_MULTIPLE_FOUND: { code: 'PRODUCT_MULTIPLE_FOUND', type: 'ProductMultipleFound', status: 400 },
  PRODUCT_SOURCE_CONFLICT: { code: 'PRODUCT_SOURCE_CONFLICT', type: 'ProductSourceConflict', status: 409 },
  PRODUCT_HAS_INVENTORY: { code: 'PRODUCT_HAS_INVENTORY', type: 'ProductHasInventory', status: 409 },
  PAYLOAD_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', type: 'PayloadTooLarge', status: 413 },
  SERVICE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', type: 'ServiceUnavailable', status: 503 },
  PRECONDITION_FAILED: { code: 'PRECONDITION_FAILED', type: 'PreconditionFailed', status: 412 },
  VERSION_CONFLICT: { code: 'VERSION_CONFLICT', type: 'VersionConflict', status: 409 },
  INSUFFICIENT_STOCK: { code: 'INSUFFICIENT_STOCK', type: 'InsufficientStock', status: 409 },
  HOLD_NOT_FOUND: { code: 'HOLD_NOT_FOUND', type: 'HoldNotFound', status: 404 },
  HOLD_NOT_ACTIVE: { code: 'HOLD_NOT_ACTIVE', type: 'HoldNotActive', status: 409 },
  IDEMPOTENCY_KEY_REUSED: { code: 'IDEMPOTENCY_KEY_REUSED', type: 'IdempotencyKeyReused', status: 422 },
  IDEMPOTENCY_KEY_IN_FLIGHT: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT', type: 'IdempotencyKeyInFlight', status: 409 },
};

/**
 * The client-facing form of a domain error, keeping the position of the error it replaces.
 * `extensions.http` (when `withStatus`) sets the response status; yoga strips it from the body.
 * Like every error this package makes, it comes from yoga's `createGraphQLError`, so yoga's
 * `instanceof` check knows it even where a second copy of `graphql` is loaded (vitest resolves
 * graphql's ESM build for sources, Node its CommonJS build for yoga).
 */
export function toGraphqlError(error: InventoryError, located: GraphQLError, withStatus: boolean): GraphQLError {
  const { code, status } = ERROR_CODES[error.code];
  return createGraphQLError(error.message, {
    ...(located.nodes !== undefined && { nodes: located.nodes }),
    ...(located.source !== undefined && { source: located.source }),
    ...(located.positions !== undefined && { positions: located.positions }),
    ...(located.path !== undefined && { path: located.path }),
    extensions: {
      code,
      ...(error.details.length > 0 && { details: error.details.map(({ path, message }) => ({ path, message })) }),
      ...(withStatus && { http: { status } }),
    },
  });
}
