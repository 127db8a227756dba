import { addSeconds } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { dataOf, firstError, postGraphql } from '../../test/support/graphql-request.js';
import { seedInventory, TENANT_A } from '../../test/support/seed-inventory.js';
import { WRITE_A, WRITE_B } from '../../test/support/static-token-authenticator.js';
import { createTestSubgraph } from '../../test/support/test-subgraph.js';

const CREATE = 'mutation ($quantity: Int!) { inventoryCreate(input: { type: local, productId: 1, quantity: $quantity, warehouseId: 77 }) { id quantity version } }';

async function keyed() {
  const base = createTestSubgraph();
  const test = createTestSubgraph({ adapters: base.adapters, idempotency: { store: base.adapters.idempotency, clock: base.clock, ttlSeconds: 60, leaseSeconds: 30 } });
  await seedInventory(test.service);
  const send = (quantity: number, key: string, token = WRITE_A) => postGraphql(test.fetch, { query: CREATE, variables: { quantity }, token, headers: { 'idempotency-key': key } });
  return { ...test, send };
}

describe('Idempotency-Key on GraphQL mutations', () => {
  it('when a mutation is repeated with its key, the first result is replayed and nothing runs twice', async () => {
    const { send } = await keyed();
    const first = await send(3, 'create-1');
    const again = await send(3, 'create-1');
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(dataOf(first)['inventoryCreate']).toMatchObject({ quantity: 3, version: 1 });
  });

  it('when a failed mutation is repeated, the same error is replayed with its status', async () => {
    const { send } = await keyed();
    await send(1, 'first');
    const conflict = await send(1, 'second');
    expect(conflict.status).toBe(409);
    const replay = await send(1, 'second');
    expect(replay.status).toBe(409);
    expect(firstError(replay).extensions?.code).toBe('INVENTORY_ALREADY_EXISTS');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('when the key comes with other variables, it is IDEMPOTENCY_KEY_REUSED (422); another tenant has its own keys', async () => {
    const { send } = await keyed();
    await send(3, 'k');
    const reused = await send(4, 'k');
    expect(reused.status).toBe(422);
    expect(firstError(reused).extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await send(4, 'k', WRITE_B)).status).not.toBe(422);
  });

  it('when the first request still runs, a repeat is IDEMPOTENCY_KEY_IN_FLIGHT (409, Retry-After 1)', async () => {
    const { send, adapters, clock } = await keyed();
    const now = clock.now();
    const { createHash } = await import('node:crypto');
    const fingerprint = createHash('sha256').update(JSON.stringify([CREATE, null, { quantity: 3 }])).digest('hex');
    await adapters.idempotency.claim(TENANT_A, 'busy', fingerprint, now, addSeconds(now, 30));
    const response = await send(3, 'busy');
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(firstError(response).extensions?.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
  });

  it('a query ignores the header, and a key that is not 1–255 visible ASCII characters is BAD_USER_INPUT', async () => {
    const { send, fetch } = await keyed();
    const query = await postGraphql(fetch, { query: '{ inventory(id: 1) { id } }', token: WRITE_A, headers: { 'idempotency-key': 'q' } });
    expect(query.headers.get('idempotent-replayed')).toBeNull();
    expect(firstError(await send(1, 'x'.repeat(256))).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
