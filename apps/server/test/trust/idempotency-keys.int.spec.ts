import { addSeconds, tenantId } from '@inventory/core';
import type { RecordJson } from '@inventory/http-rest';
import { expect, it } from 'vitest';
import { csvText, importText } from '../csv/csv-requests.js';
import type { AnyEnvelope, ApiResponse, RequestOptions } from '../support/api-client.js';
import { balanceOf, recordOf, registerProducts, upsertAll } from '../support/api-steps.js';
import { describeE2e } from '../support/describe-e2e.js';
import { expectData, expectError } from '../support/expectations.js';
import { aProduct, anItem } from '../support/request-builders.js';

/** Short, so that a test can move the manual clock past it. */
const TTL_SECONDS = 600;
/** How long the server lets a running request hold its key (docs/concurrency.md). */
const LEASE_SECONDS = 60;

function keyed(key: string, headers: Readonly<Record<string, string>> = {}): RequestOptions {
  return { headers: { 'Idempotency-Key': key, ...headers } };
}

/** Asserts that `replay` is `original` again, marked as replayed, and that `original` was not. */
function expectReplay(original: ApiResponse<unknown>, replay: ApiResponse<unknown>): void {
  expect(original.headers.get('idempotent-replayed')).toBeNull();
  expect({ status: replay.status, body: replay.body, replayed: replay.headers.get('idempotent-replayed') }).toEqual({ status: original.status, body: original.body, replayed: 'true' });
}

function expectRan(response: ApiResponse<unknown>): void {
  expect(response.headers.get('idempotent-replayed')).toBeNull();
}

describeE2e(
  'Idempotency-Key on REST writes',
  (server) => {
    const widget = aProduct(1).withSku('W-1');
    const create = anItem().withQuantity(3).inWarehouse(1).json();

    it('a create replayed answers the same 201 and body, marked Idempotent-Replayed, and creates nothing more', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const first = await writer.post<AnyEnvelope<RecordJson>>('/v2/products/id/1/inventory/local', create, keyed('create-1'));
      expectData(first, 201);
      const replay = await writer.post('/v2/products/id/1/inventory/local', create, keyed('create-1'));
      expectReplay(first, replay);
      expect(await balanceOf(writer, 1)).toEqual([first.body.data]);
      // The same request without the key runs, and conflicts: the replay above did not run.
      expectError(await writer.post('/v2/products/id/1/inventory/local', create), 'INVENTORY_ALREADY_EXISTS');
    });

    it('a bulk replay answers the first results and runs nothing: a later change stays, no version moves', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).json()]);
      const bulk = { inventory: [anItem().forProduct(1).withQuantity(2).json(), anItem().forProduct(1).withQuantity(7).inWarehouse(2).json()] };
      const first = await writer.post('/v2/inventory/bulk/id/local', bulk, keyed('bulk-1'));
      expectData(first);
      expectData(await writer.patch(`/v2/inventory/id/${id}`, { quantity: 5 }));
      const after = await balanceOf(writer, 1);
      server().clock.advance(60_000);
      expectReplay(first, await writer.post('/v2/inventory/bulk/id/local', bulk, keyed('bulk-1')));
      expect(await balanceOf(writer, 1)).toEqual(after);
      expect(after.map((record) => [record.quantity, record.version])).toEqual([
        [5, 3],
        [7, 1],
      ]);
    });

    it('a PATCH replay answers the first body with its ETag, leaving a later change in place', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).json()]);
      const first = await writer.patch(`/v2/inventory/id/${id}`, { quantity: 7 }, keyed('patch-1', { 'If-Match': '"1"' }));
      expect(first.headers.get('etag')).toBe('"2"');
      expectData(await writer.patch(`/v2/inventory/id/${id}`, { quantity: 8 }));
      const replay = await writer.patch(`/v2/inventory/id/${id}`, { quantity: 7 }, keyed('patch-1', { 'If-Match': '"1"' }));
      expectReplay(first, replay);
      expect(replay.headers.get('etag')).toBe('"2"');
      expect(await recordOf(writer, id)).toMatchObject({ quantity: 8, version: 3 });
    });

    it('a DELETE replay answers 200 again rather than 404; PUT and products bulk replay their first answers too', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const [id = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).json()]);
      const deleted = await writer.delete(`/v2/inventory/id/${id}`, keyed('delete-1'));
      expectData(deleted);
      expectReplay(deleted, await writer.delete(`/v2/inventory/id/${id}`, keyed('delete-1')));

      const put = await writer.put('/v2/products/id/2', { sku: 'P-2' }, keyed('put-1'));
      expect(put.status).toBe(201);
      expectReplay(put, await writer.put('/v2/products/id/2', { sku: 'P-2' }, keyed('put-1')));
      expect((await writer.put('/v2/products/id/2', { sku: 'P-2' })).status).toBe(200);

      const products = { products: [aProduct(3).json()] };
      const bulk = await writer.post('/v2/products/bulk', products, keyed('products-1'));
      expectReplay(bulk, await writer.post('/v2/products/bulk', products, keyed('products-1')));
    });

    it('a 4xx answer is kept and replayed as well, even once the request would succeed', async () => {
      const { writer } = server().tenant();
      const first = await writer.post('/v2/products/id/1/inventory/local', create, keyed('early'));
      expectError(first, 'PRODUCT_NOT_FOUND');
      await registerProducts(writer, widget);
      const replay = await writer.post('/v2/products/id/1/inventory/local', create, keyed('early'));
      expectReplay(first, replay);
      expect(await balanceOf(writer, 1)).toEqual([]);
      expectData(await writer.post('/v2/products/id/1/inventory/local', create, keyed('later')), 201);
    });

    it('a body that cannot be read is refused before the key is taken, so the corrected request runs', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      expectError(await writer.post('/v2/products/id/1/inventory/local', undefined, { raw: '{"quantity":', ...keyed('fixed') }), 'INVALID_JSON');
      const fixed = await writer.post('/v2/products/id/1/inventory/local', create, keyed('fixed'));
      expectData(fixed, 201);
      expectRan(fixed);
    });

    it('the same key with another body, path, query or method answers 422 and runs nothing', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const [id = 0, other = 0] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(1).json(), anItem().forProduct(1).withQuantity(2).inWarehouse(2).json()]);
      expectData(await writer.patch(`/v2/inventory/id/${id}`, { quantity: 10 }, keyed('reused')));
      const before = await balanceOf(writer, 1);
      for (const reuse of [
        () => writer.patch(`/v2/inventory/id/${id}`, { quantity: 11 }, keyed('reused')),
        () => writer.patch(`/v2/inventory/id/${id}`, undefined, { raw: '{ "quantity": 10 }', ...keyed('reused') }),
        () => writer.patch(`/v2/inventory/id/${other}`, { quantity: 10 }, keyed('reused')),
        () => writer.patch(`/v2/inventory/id/${id}?x=1`, { quantity: 10 }, keyed('reused')),
        () => writer.delete(`/v2/inventory/id/${id}`, keyed('reused')),
        () => writer.post('/v2/inventory/bulk/id/local', { inventory: [anItem().forProduct(1).withQuantity(12).json()] }, keyed('reused')),
      ]) {
        const response = await reuse();
        expectError(response, 'IDEMPOTENCY_KEY_REUSED');
        expect(response.body.error?.code).toBe(10422);
      }
      expect(await balanceOf(writer, 1)).toEqual(before);
    });

    it('a key that is not 1 to 255 visible ASCII characters answers 400 10007 and runs nothing', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      for (const key of ['k'.repeat(256), 'clé', 'a\tb', 'a b', '']) {
        const response = await writer.post('/v2/products/id/1/inventory/local', create, keyed(key));
        expectError(response, 'VALIDATION_FAILED', ['Idempotency-Key']);
      }
      expect(await balanceOf(writer, 1)).toEqual([]);
      const longest = await writer.post('/v2/products/id/1/inventory/local', create, keyed(`${'k'.repeat(254)}~`));
      expectData(longest, 201);
    });

    it('keys are scoped to the tenant: the same key and request in two tenants both run', async () => {
      const tenants = [server().tenant(), server().tenant()];
      for (const { writer } of tenants) {
        await registerProducts(writer, widget);
        const response = await writer.post('/v2/products/id/1/inventory/local', create, keyed('shared'));
        expectData(response, 201);
        expectRan(response);
      }
      for (const { writer } of tenants) expect(await balanceOf(writer, 1)).toHaveLength(1);
    });

    it('a key whose request still runs answers 409 with Retry-After: 1; after the lease a retry takes it over', async () => {
      const { writer, name } = server().tenant();
      const other = server().tenant();
      await registerProducts(writer, widget);
      await registerProducts(other.writer, widget);
      // The same request in another tenant gives the fingerprint to claim, as another process running it would.
      expectData(await other.writer.post('/v2/products/id/1/inventory/local', create, keyed('probe')), 201);
      const now = server().clock.now();
      await server().withDatabase(async (database) => {
        const row: unknown = await database.knex('idempotency_keys').where({ tenant: other.name, idempotency_key: 'probe' }).first('fingerprint');
        const { fingerprint } = row as { fingerprint: string };
        expect(await database.idempotency.claim(tenantId(name), 'running', fingerprint, now, addSeconds(now, LEASE_SECONDS))).toEqual({ status: 'claimed' });
      });

      const busy = await writer.post('/v2/products/id/1/inventory/local', create, keyed('running'));
      expectError(busy, 'IDEMPOTENCY_KEY_IN_FLIGHT');
      expect([busy.body.error?.code, busy.headers.get('retry-after')]).toEqual([10409, '1']);
      expect(await balanceOf(writer, 1)).toEqual([]);

      server().clock.advance((LEASE_SECONDS - 1) * 1000);
      expectError(await writer.post('/v2/products/id/1/inventory/local', create, keyed('running')), 'IDEMPOTENCY_KEY_IN_FLIGHT');
      server().clock.advance(2000);
      const takenOver = await writer.post('/v2/products/id/1/inventory/local', create, keyed('running'));
      expectData(takenOver, 201);
      expectRan(takenOver);
      expectReplay(takenOver, await writer.post('/v2/products/id/1/inventory/local', create, keyed('running')));
    });

    it('an answer is replayed for IDEMPOTENCY_TTL_SECONDS; after that the key is new again and the request runs', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const first = await writer.post('/v2/products/id/1/inventory/local', create, keyed('expiring'));
      expectData(first, 201);
      server().clock.advance((TTL_SECONDS - 1) * 1000);
      expectReplay(first, await writer.post('/v2/products/id/1/inventory/local', create, keyed('expiring')));
      server().clock.advance(2000);
      const again = await writer.post('/v2/products/id/1/inventory/local', create, keyed('expiring'));
      expectError(again, 'INVENTORY_ALREADY_EXISTS');
      expectRan(again);
      // That run's answer is kept in turn.
      expectReplay(again, await writer.post('/v2/products/id/1/inventory/local', create, keyed('expiring')));
    });

    it('CSV import ignores the header: every import runs, and the key stays free for another request', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, widget);
      const csv = csvText([
        ['lookupKey', 'inventoryType', 'productId', 'quantity'],
        ['id', 'local', '1', '4'],
      ]);
      const importKeyed = () => writer.post('/v2/inventory/import/csv', undefined, { raw: csv, headers: { 'content-type': 'text/csv', 'Idempotency-Key': 'csv-1' } });
      const first = await importKeyed();
      expect(expectData(first)).toMatchObject({ importedCount: 1, createdCount: 1 });
      expectRan(first);
      expect((await importText(writer, csvText([['lookupKey', 'inventoryType', 'productId', 'quantity'], ['id', 'local', '1', '5']]))).status).toBe(200);
      const second = await importKeyed();
      expect(expectData(second)).toMatchObject({ importedCount: 1, createdCount: 0, updatedCount: 1 });
      expectRan(second);
      expect((await balanceOf(writer, 1)).map((record) => [record.quantity, record.version])).toEqual([[4, 3]]);
      const keyedBulk = await writer.post('/v2/inventory/bulk/id/local', { inventory: [anItem().forProduct(1).withQuantity(6).json()] }, keyed('csv-1'));
      expectData(keyedBulk);
      expectRan(keyedBulk);
    });
  },
  { env: { IDEMPOTENCY_TTL_SECONDS: String(TTL_SECONDS) } },
);
