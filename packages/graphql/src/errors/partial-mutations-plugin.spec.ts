import { describe, expect, it } from 'vitest';
import { postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory, TENANT_A } from '../../test/support/seed-inventory.js';
import { WRITE_A } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

const CREATE = 'inventoryCreate(input: { type: local, productId: 2, quantity: 6, warehouseId: 9 }) { productId quantity warehouseId }';

async function seeded() {
  const test = createTestSubgraph();
  const { records } = await seedInventory(test.service);
  return { ...test, records };
}

describe('a document with several mutations where one fails', () => {
  it.each(['application/graphql-response+json', 'application/json'])('answers %s with HTTP 200, the committed field’s data and the failing field’s error at its path', async (accept) => {
    const { fetch, service } = await seeded();
    const query = `mutation { created: ${CREATE} id: inventoryCreate(input: { type: local, productId: 1, quantity: 1, warehouseId: 9 }) { id } deleted: inventoryDelete(id: 987654) }`;
    const response = await postGraphql(fetch, { query, token: WRITE_A, headers: { accept } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ created: { productId: 2, quantity: 6, warehouseId: 9 }, id: { id: expect.any(Number) as unknown }, deleted: null });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['deleted'], 'INVENTORY_NOT_FOUND']]);
    const committed = (response.body.data?.['id'] as { id: number }).id;
    expect(await service.getInventory(TENANT_A, committed)).toMatchObject({ productId: 1, warehouseId: 9 });
  });

  it('runs the mutations one after the other: a second create on the key the first one took fails, and the fields after it still run', async () => {
    const { fetch, records, service } = await seeded();
    const query = `mutation { first: ${CREATE} second: ${CREATE} third: inventoryDelete(id: ${records[4]?.id}) }`;
    const response = await postGraphql(fetch, { query, token: WRITE_A });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ first: { productId: 2, quantity: 6, warehouseId: 9 }, second: null, third: true });
    expect(response.body.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['second'], 'INVENTORY_ALREADY_EXISTS']]);
    await expect(service.getInventory(TENANT_A, records[4]?.id ?? 0)).rejects.toMatchObject({ code: 'INVENTORY_NOT_FOUND' });
  });

  it('when every mutation fails, data is null and the status is the errors’ own, as for a single mutation', async () => {
    const { fetch } = await seeded();
    const response = await postGraphql(fetch, { query: 'mutation { a: inventoryDelete(id: 987654) b: inventoryDelete(id: 987655) }', token: WRITE_A });
    expect(response.status).toBe(404);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.map((error) => error.path)).toEqual([['a'], ['b']]);
  });

  it('variables that do not fit their types are refused once, before any mutation runs', async () => {
    const { fetch, records, service } = await seeded();
    const query = `mutation ($id: Int!) { a: inventoryDelete(id: ${records[0]?.id}) b: inventoryDelete(id: $id) }`;
    const response = await postGraphql(fetch, { query, variables: { id: 'one' }, token: WRITE_A });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect((await service.getInventory(TENANT_A, records[0]?.id ?? 0)).quantity).toBe(10);
  });
});
