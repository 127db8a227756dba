import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from './error-table.js';

describe('ERROR_TABLE', () => {
  it('matches the documented error table (docs/rest.md), with 10415 UnsupportedMediaType and 80010 ProductHasInventory', () => {
    const wire = Object.values(ERROR_TABLE)
      .map(({ code, type, status }) => `${code} ${type} ${status}`)
      .sort();
    expect(wire).toEqual([
      '10001 Unauthorized 401',
      '10002 Forbidden 403',
      '10005 InvalidJSONPayload 400',
      '10006 InvalidLookupKey 400',
      '10007 SchemaValidationException 400',
      '10008 NotFound 404',
      '10015 PaginatedResponseException 400',
      '10016 LookupKeyNotFound 400',
      '10021 PayloadTooLarge 413',
      '10409 IdempotencyKeyInFlight 409',
      '10412 PreconditionFailed 412',
      '10415 UnsupportedMediaType 415',
      '10422 IdempotencyKeyReused 422',
      '10500 InternalError 500',
      '10503 ServiceUnavailable 503',
      '13001 InvalidInventoryType 400',
      '13006 InventoryNotFound 404',
      '13009 InventoryAlreadyExists 409',
      '13010 InsufficientStock 409',
      '13011 VersionConflict 409',
      '13020 HoldNotFound 404',
      '13021 HoldNotActive 409',
      '80005 ProductMultipleFound 400',
      '80006 ProductNotFound 404',
      '80009 ProductSourceConflict 409',
      '80010 ProductHasInventory 409',
    ]);
  });

  it('gives every failure its own numeric code', () => {
    const codes = Object.values(ERROR_TABLE).map((wire) => wire.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
