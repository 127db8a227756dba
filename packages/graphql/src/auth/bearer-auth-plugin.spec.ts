import { describe, expect, it, vi } from 'vitest';
import { firstError, postGraphql } from '../../test/support/graphql-request.js';
import { NO_SCOPE_A, READ_A, WRITE_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

const READ = '{ inventory(id: 1) { id } }';
const WRITE = 'mutation { inventoryDelete(id: 1) }';

/** The subgraph with every service method a spy, to prove no resolver ran. */
function guardedSubgraph() {
  const test = createTestSubgraph();
  const getInventory = vi.spyOn(test.service, 'getInventory');
  const deleteInventory = vi.spyOn(test.service, 'deleteInventory');
  return { ...test, calls: () => getInventory.mock.calls.length + deleteInventory.mock.calls.length };
}

describe('bearer authentication and scopes', () => {
  it('without a token: HTTP 401, UNAUTHENTICATED, a challenge without error attribute, and no resolver runs', async () => {
    const { fetch, calls } = guardedSubgraph();
    const response = await postGraphql(fetch, { query: READ });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory"');
    expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data).toBeUndefined();
    expect(calls()).toBe(0);
  });

  it('with a bad token: HTTP 401 with error="invalid_token", even for a document that would not validate', async () => {
    const { fetch, calls } = guardedSubgraph();
    for (const query of [READ, '{ noSuchField }']) {
      const response = await postGraphql(fetch, { query, token: 'forged' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory", error="invalid_token"');
      expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(calls()).toBe(0);
  });

  it('a read-only token on a mutation: HTTP 403 naming inventory:write, and nothing is deleted', async () => {
    const { fetch, calls } = guardedSubgraph();
    const response = await postGraphql(fetch, { query: WRITE, token: READ_A });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="inventory", error="insufficient_scope", scope="inventory:write"');
    expect(firstError(response).extensions?.code).toBe('FORBIDDEN');
    expect(calls()).toBe(0);
  });

  it('a token without inventory:read cannot query, _service and _entities included', async () => {
    const { fetch, calls } = guardedSubgraph();
    for (const query of [READ, '{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Product", id: 1 }]) { __typename } }']) {
      const response = await postGraphql(fetch, { query, token: NO_SCOPE_A });
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('scope="inventory:read"');
    }
    expect(calls()).toBe(0);
  });

  it('the operation chosen by operationName decides the scope', async () => {
    const { fetch } = guardedSubgraph();
    const query = `query Read ${READ} mutation Write { inventoryDelete(id: 1) }`;
    const response = await fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${READ_A}` },
      body: JSON.stringify({ query, operationName: 'Write' }),
    });
    expect(response.status).toBe(403);
  });

  it('a read-write token may read and write', async () => {
    const { fetch } = guardedSubgraph();
    expect((await postGraphql(fetch, { query: READ, token: WRITE_A })).status).toBe(404);
    expect((await postGraphql(fetch, { query: WRITE, token: WRITE_A })).status).toBe(404);
  });

  it('the Authorization header reaches the authenticator as sent', async () => {
    const { fetch, authenticator } = guardedSubgraph();
    await postGraphql(fetch, { query: READ, token: READ_A });
    expect(authenticator.calls).toEqual([`Bearer ${READ_A}`]);
  });
});
