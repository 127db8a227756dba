import { ERROR_TABLE, type RestErrorCode } from '@inventory/http-rest';
import { expect } from 'vitest';
import type { AnyEnvelope, ApiResponse } from './api-client.js';

/** Asserts the error envelope (docs/rest.md) for a failure code: HTTP status, numeric code, type, a message. */
export function expectError(response: ApiResponse, failure: RestErrorCode, detailPaths?: readonly string[]): void {
  const wire = ERROR_TABLE[failure];
  expect({ status: response.status, code: response.body.error?.code, type: response.body.error?.type }).toEqual({
    status: wire.status,
    code: wire.code,
    type: wire.type,
  });
  expect(response.body.error?.status).toBe(wire.status);
  expect(response.body.error?.messages.length).toBeGreaterThan(0);
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(?:ts|js):\d+|select |insert |SQLITE_|violates/i);
  if (detailPaths !== undefined) expect(response.body.error?.details?.map((detail) => detail.path)).toEqual(detailPaths);
}

/** Asserts a success envelope and returns its data. */
export function expectData<T>(response: ApiResponse<AnyEnvelope<T>>, status = 200): T {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error).toBeUndefined();
  return response.body.data;
}
