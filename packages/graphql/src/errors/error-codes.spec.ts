import { InventoryError, type ErrorCode } from '@inventory/core';
import { describe, expect, it, vi } from 'vitest';
import { firstError, postGraphql } from '../../test/support/graphql-request.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph, silentLogger } from '../../test/support/test-subgraph.js';
import { ERROR_CODES } from './error-codes.js';

describe('error mapping', () => {
  it('the contract codes: not-found, conflict and ambiguity have their own code, input problems are BAD_USER_INPUT', () => {
    const codes = Object.fromEntries(Object.entries(ERROR_CODES).map(([domain, { code, status }]) => [domain, `${code} ${status}`]));
    expect(codes).toMatchObject({
      VALIDATION_FAILED: 'BAD_USER_INPUT 400',
      INVALID_PAGING: 'BAD_USER_INPUT 400',
      INVALID_LOOKUP_KEY: 'BAD_USER_INPUT 400',
      LOOKUP_KEY_MISSING: 'BAD_USER_INPUT 400',
      INVENTORY_NOT_FOUND: 'INVENTORY_NOT_FOUND 404',
      INVENTORY_ALREADY_EXISTS: 'INVENTORY_ALREADY_EXISTS 409',
      PRODUCT_NOT_FOUND: 'PRODUCT_NOT_FOUND 404',
      PRODUCT_MULTIPLE_FOUND: 'PRODUCT_MULTIPLE_FOUND 400',
    });
  });

  it.each(Object.entries(ERROR_CODES))('a %s thrown by the service reaches the client with its code and status', async (domainCode, mapping) => {
    const logger = { ...silentLogger, error: vi.fn() };
    const { fetch, service } = createTestSubgraph({ logger });
    vi.spyOn(service, 'getInventory').mockRejectedValue(new InventoryError(domainCode as ErrorCode, 'told by the core'));
    const response = await postGraphql(fetch, { query: '{ inventory(id: 1) { id } }', token: READ_A });
    expect(response.status).toBe(mapping.status);
    expect(firstError(response)).toEqual({ message: 'told by the core', locations: [{ line: 1, column: 3 }], path: ['inventory'], extensions: { code: mapping.code } });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('an unexpected error is masked: no message, stack or SQL reaches the client, and it is logged (HTTP 200 as the result has data)', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const { fetch, service } = createTestSubgraph({ logger });
    vi.spyOn(service, 'getInventory').mockRejectedValue(new Error('select * from inventory where tenant = $1: connection refused'));
    const response = await postGraphql(fetch, { query: '{ inventory(id: 1) { id } }', token: READ_A });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: null, errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['inventory'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
