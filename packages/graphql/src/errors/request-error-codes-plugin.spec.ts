import { describe, expect, it } from 'vitest';
import { postGraphql } from '../../test/support/graphql-request.js';
import { READ_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

describe('codes for requests that never ran', () => {
  it('a document that fails validation is GRAPHQL_VALIDATION_FAILED with HTTP 400', async () => {
    const { fetch } = createTestSubgraph();
    const response = await postGraphql(fetch, { query: '{ inventory(id: 1) { nope } }', token: READ_A });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a client asking for plain application/json gets the same codes with HTTP 200, as GraphQL over HTTP says', async () => {
    const { fetch } = createTestSubgraph();
    const invalid = await postGraphql(fetch, { query: '{ inventory(id: 1) { nope } }', token: READ_A, headers: { accept: 'application/json' } });
    expect(invalid.status).toBe(200);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const coercion = await postGraphql(fetch, { query: 'query ($id: Int!) { inventory(id: $id) { id } }', variables: { id: 'one' }, token: READ_A, headers: { accept: 'application/json' } });
    expect(coercion.status).toBe(200);
    expect(coercion.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a variable that does not fit its type is BAD_USER_INPUT with HTTP 400', async () => {
    const { fetch } = createTestSubgraph();
    const query = 'query ($since: DateTime) { inventorySearch(input: { modifiedSince: $since }) { itemsFound } }';
    const response = await postGraphql(fetch, { query, variables: { since: '2025-02-30' }, token: READ_A });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['BAD_USER_INPUT', expect.stringContaining('ISO 8601') as unknown]]);
  });

  it('a syntax error answers HTTP 400', async () => {
    const { fetch } = createTestSubgraph();
    const response = await postGraphql(fetch, { query: '{ inventory(id: 1) { id }', token: READ_A });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/syntax/i);
  });
});
