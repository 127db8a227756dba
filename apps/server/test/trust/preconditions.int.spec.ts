import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import type { AnyEnvelope, ApiClient, ApiResponse } from '../support/api-client.js';
import { bulkUpsert, recordOf, registerProducts, upsertAll, type ItemResult } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { errorCodes, graphql } from '../support/graphql-steps.js';
import { aProduct, anItem } from '../support/request-builders.js';

const HOUR = 3_600_000;

/** Asserts a 412 naming the record's current version. */
function expectPreconditionFailed(response: ApiResponse, current: number): void {
  expectError(response, 'PRECONDITION_FAILED', ['version']);
  expect(response.body.error?.details).toEqual([{ path: 'version', message: `current version is ${current}` }]);
}

/** Asserts a failed bulk item with 13011 VersionConflict. */
function expectVersionConflict(result: ItemResult | undefined, current: number): void {
  expect(result).toMatchObject({ success: false, error: { code: 13011, type: 'VersionConflict' } });
  expect(result?.error?.messages.join(' ')).toContain(`version ${current}`);
}

describeE2e('preconditions: ETag, If-None-Match, If-Match and expectedVersion', (server) => {
  const widget = aProduct(1).withSku('W-1');

  /** A tenant with the target record (warehouse 1) at version 2 and a neighbour (warehouse 2) at version 1. */
  async function recordAtVersion2(): Promise<{ writer: ApiClient; reader: ApiClient; target: number; neighbour: number }> {
    const { writer, reader } = server().tenant();
    await registerProducts(writer, widget);
    const [target = 0, neighbour = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).inWarehouse(1).json(), anItem().forProduct(1).withQuantity(9).inWarehouse(2).json()]);
    expectData(await writer.patch(`/v2/inventory/id/${target}`, { quantity: 6 }));
    return { writer, reader, target, neighbour };
  }

  it('GET answers ETag "<version>"; If-None-Match naming it (quoted, W/, in a list, or *) answers 304 with no body', async () => {
    const { reader, target } = await recordAtVersion2();
    const plain = await reader.get(`/v2/inventory/id/${target}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).toBe('"2"');
    for (const tag of ['"2"', 'W/"2"', '"1", "2"', 'W/"7",W/"2"', '*']) {
      const response = await reader.get<string>(`/v2/inventory/id/${target}`, { headers: { 'If-None-Match': tag } });
      expect([response.status, response.body, response.headers.get('etag')], tag).toEqual([304, '', '"2"']);
    }
  });

  it('GET with an If-None-Match that does not name the version answers the record; a missing record is 404 whatever it says', async () => {
    const { reader, target } = await recordAtVersion2();
    for (const tag of ['"1"', 'W/"1", "3"', '"abc"', '2']) {
      const response = await reader.get<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${target}`, { headers: { 'If-None-Match': tag } });
      expect(expectData(response).version, tag).toBe(2);
    }
    expectError(await reader.get('/v2/inventory/id/987654', { headers: { 'If-None-Match': '*' } }), 'INVENTORY_NOT_FOUND');
  });

  it('PATCH answers the new ETag, and after it the old one no longer answers 304', async () => {
    const { writer, reader, target } = await recordAtVersion2();
    const response = await writer.patch(`/v2/inventory/id/${target}`, { quantity: 7 }, { headers: { 'If-Match': '"2"' } });
    expect(response.headers.get('etag')).toBe('"3"');
    expect((await reader.get(`/v2/inventory/id/${target}`, { headers: { 'If-None-Match': '"2"' } })).status).toBe(200);
    expect((await reader.get(`/v2/inventory/id/${target}`, { headers: { 'If-None-Match': '"3"' } })).status).toBe(304);
  });

  it('PATCH with a stale If-Match answers 412 naming the current version and writes nothing', async () => {
    const { writer, target, neighbour } = await recordAtVersion2();
    const before = await recordOf(writer, target);
    const neighbourBefore = await recordOf(writer, neighbour);
    server().clock.advance(HOUR);
    for (const tag of ['"1"', 'W/"1"', '"1", "3"', '"abc"', '"-2"']) {
      expectPreconditionFailed(await writer.patch(`/v2/inventory/id/${target}`, { quantity: 100 }, { headers: { 'If-Match': tag } }), 2);
    }
    expect(await recordOf(writer, target)).toEqual(before);
    expect(await recordOf(writer, neighbour)).toEqual(neighbourBefore);
  });

  it('a stale precondition fails even when the write would change nothing', async () => {
    const { writer, target } = await recordAtVersion2();
    expectPreconditionFailed(await writer.patch(`/v2/inventory/id/${target}`, { quantity: 6 }, { headers: { 'If-Match': '"1"' } }), 2);
    const [result] = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(6).inWarehouse(1).with({ expectedVersion: 1 }).json()]));
    expectVersionConflict(result, 2);
  });

  it('PATCH passes with If-Match naming the current version, alone, weak, in a list or as *', async () => {
    const { writer, target } = await recordAtVersion2();
    let version = 2;
    for (const form of [(v: number) => `"${v}"`, (v: number) => `W/"${v}"`, (v: number) => `"1", "${v}"`, () => '*']) {
      const tag = form(version);
      const response = await writer.patch<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${target}`, { quantity: version * 10 }, { headers: { 'If-Match': tag } });
      expect(expectData(response).version, tag).toBe(version + 1);
      version += 1;
    }
    expect((await recordOf(writer, target)).version).toBe(6);
  });

  it('DELETE with a stale If-Match answers 412 and keeps the record; with the current one it deletes', async () => {
    const { writer, target } = await recordAtVersion2();
    const before = await recordOf(writer, target);
    expectPreconditionFailed(await writer.delete(`/v2/inventory/id/${target}`, { headers: { 'If-Match': '"1"' } }), 2);
    expect(await recordOf(writer, target)).toEqual(before);
    expectData(await writer.delete(`/v2/inventory/id/${target}`, { headers: { 'If-Match': 'W/"5", "2"' } }));
    expectError(await writer.get(`/v2/inventory/id/${target}`), 'INVENTORY_NOT_FOUND');
  });

  it('DELETE with If-Match: * deletes any existing record', async () => {
    const { writer, target } = await recordAtVersion2();
    expectData(await writer.delete(`/v2/inventory/id/${target}`, { headers: { 'If-Match': '*' } }));
    expectError(await writer.get(`/v2/inventory/id/${target}`), 'INVENTORY_NOT_FOUND');
  });

  it('a missing or foreign record answers 404 to PATCH and DELETE whatever If-Match says, and the foreign one is untouched', async () => {
    const { writer: owner, target } = await recordAtVersion2();
    const before = await recordOf(owner, target);
    const { writer: stranger } = server().tenant();
    for (const id of [target, 987654]) {
      for (const tag of ['"2"', '"1"', '*']) {
        expectError(await stranger.patch(`/v2/inventory/id/${id}`, { quantity: 1 }, { headers: { 'If-Match': tag } }), 'INVENTORY_NOT_FOUND');
        expectError(await stranger.delete(`/v2/inventory/id/${id}`, { headers: { 'If-Match': tag } }), 'INVENTORY_NOT_FOUND');
      }
    }
    expect(await recordOf(owner, target)).toEqual(before);
  });

  it('bulk: an item with a stale expectedVersion fails alone with 13011; the other items are written', async () => {
    const { writer, target, neighbour } = await recordAtVersion2();
    const before = await recordOf(writer, target);
    const results = expectData(
      await bulkUpsert(writer, 'id/local', [
        anItem().forProduct(1).withQuantity(50).inWarehouse(1).with({ expectedVersion: 1 }).json(),
        anItem().forProduct(1).withQuantity(90).inWarehouse(2).with({ expectedVersion: 1 }).json(),
        anItem().forProduct(1).withQuantity(30).inWarehouse(3).json(),
      ]),
    );
    expectVersionConflict(results[0], 2);
    expect(results.slice(1)).toMatchObject([
      { success: true, action: 'update', changed: true, id: neighbour },
      { success: true, action: 'create', changed: true },
    ]);
    expect(await recordOf(writer, target)).toEqual(before);
    expect(await recordOf(writer, neighbour)).toMatchObject({ quantity: 90, version: 2 });
  });

  it('bulk: expectedVersion 0 creates a new record and conflicts with an existing one', async () => {
    const { writer, target } = await recordAtVersion2();
    const results = expectData(
      await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(50).inWarehouse(1).with({ expectedVersion: 0 }).json(), anItem().forProduct(1).withQuantity(4).inWarehouse(4).with({ expectedVersion: 0 }).json()]),
    );
    expectVersionConflict(results[0], 2);
    expect(results[1]).toMatchObject({ success: true, action: 'create', changed: true });
    expect((await recordOf(writer, target)).quantity).toBe(6);
    expect(await recordOf(writer, results[1]?.id ?? 0)).toMatchObject({ quantity: 4, version: 1 });
  });

  it('bulk: a matching expectedVersion writes, and an equal item with it is a quiet no-op', async () => {
    const { writer, target } = await recordAtVersion2();
    const [changed] = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(60).inWarehouse(1).with({ expectedVersion: 2 }).json()]));
    expect(changed).toMatchObject({ success: true, changed: true });
    const [quiet] = expectData(await bulkUpsert(writer, 'id/local', [anItem().forProduct(1).withQuantity(60).inWarehouse(1).with({ expectedVersion: 3 }).json()]));
    expect(quiet).toMatchObject({ success: true, changed: false });
    expect((await recordOf(writer, target)).version).toBe(3);
  });

  it('bulk: items sharing a record are checked once, against the version before the request, with the first expectedVersion given', async () => {
    const { writer, target } = await recordAtVersion2();
    const item = (quantity: number, expectedVersion?: number) => anItem().forProduct(1).withQuantity(quantity).inWarehouse(1).with(expectedVersion === undefined ? {} : { expectedVersion }).json();

    const passing = expectData(await bulkUpsert(writer, 'id/local', [item(70), item(71, 2), item(72, 3)]));
    expect(passing.map((result) => result.success)).toEqual([true, true, true]);
    expect(await recordOf(writer, target)).toMatchObject({ quantity: 72, version: 3 });

    const failing = expectData(await bulkUpsert(writer, 'id/local', [item(80, 2), item(81, 3)]));
    for (const result of failing) expectVersionConflict(result, 3);
    expect(await recordOf(writer, target)).toMatchObject({ quantity: 72, version: 3 });
  });

  it('bulk: an expectedVersion that is not an integer of at least 0 fails the item with 10007', async () => {
    const { writer, target } = await recordAtVersion2();
    const results = expectData(await bulkUpsert(writer, 'id/local', [-1, 1.5, '2'].map((expectedVersion) => anItem().forProduct(1).withQuantity(1).inWarehouse(1).with({ expectedVersion }).json())));
    for (const result of results) expect(result).toMatchObject({ success: false, error: { code: 10007, details: [{ path: 'expectedVersion' }] } });
    expect((await recordOf(writer, target)).quantity).toBe(6);
  });

  it('GraphQL inventoryUpdate and inventoryDelete with a stale expectedVersion fail with VERSION_CONFLICT and write nothing', async () => {
    const { writer, target } = await recordAtVersion2();
    const before = await recordOf(writer, target);
    const update = (expectedVersion: number) =>
      graphql<{ inventoryUpdate: { version: number } }>(writer, 'mutation ($id: Int!, $v: Int) { inventoryUpdate(id: $id, input: { quantity: 40 }, expectedVersion: $v) { version } }', { id: target, v: expectedVersion });
    const remove = (expectedVersion: number) => graphql<{ inventoryDelete: boolean }>(writer, 'mutation ($id: Int!, $v: Int) { inventoryDelete(id: $id, expectedVersion: $v) }', { id: target, v: expectedVersion });
    for (const stale of [0, 1, 3]) {
      expect(errorCodes(await update(stale)), `update at ${stale}`).toEqual(['VERSION_CONFLICT']);
      expect(errorCodes(await remove(stale)), `delete at ${stale}`).toEqual(['VERSION_CONFLICT']);
    }
    expect(await recordOf(writer, target)).toEqual(before);

    expect((await update(2)).data?.inventoryUpdate.version).toBe(3);
    expect((await remove(3)).data?.inventoryDelete).toBe(true);
    expectError(await writer.get(`/v2/inventory/id/${target}`), 'INVENTORY_NOT_FOUND');
  });

  it('GraphQL with expectedVersion on a missing record answers INVENTORY_NOT_FOUND', async () => {
    const { writer } = server().tenant();
    const missing = 987654;
    expect(errorCodes(await graphql(writer, 'mutation ($id: Int!) { inventoryUpdate(id: $id, input: { quantity: 1 }, expectedVersion: 1) { version } }', { id: missing }))).toEqual(['INVENTORY_NOT_FOUND']);
    expect(errorCodes(await graphql(writer, 'mutation ($id: Int!) { inventoryDelete(id: $id, expectedVersion: 0) }', { id: missing }))).toEqual(['INVENTORY_NOT_FOUND']);
  });
});
