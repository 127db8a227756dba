import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { registerProducts, upsertAll } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

const logLines: string[] = [];
const logged = (): Record<string, unknown>[] => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

describeE2e(
  'requests the service cannot read',
  (server) => {
    it('answers a malformed percent-escape in a path 400 in the envelope, with or without a token, and logs no stack', async () => {
      const { writer } = server().tenant();
      const requestId = `bad-escape-${randomUUID()}`;
      for (const client of [server().anonymous, writer]) {
        for (const path of ['/v2/inventory/id/%ZZ', '/v2/products/sku/%E0%A4%A/inventory', '/v2/products/sku/%ED%A0%80']) {
          const response = await client.get(path, { headers: { 'x-request-id': requestId } });
          expectError(response, 'VALIDATION_FAILED', ['path']);
          expect(JSON.stringify(response.body)).not.toContain('%');
        }
      }
      const lines = logged().filter((line) => line['reqId'] === requestId);
      expect(lines.map((line) => [line['msg'], line['status']])).toEqual(Array(6).fill(['request', 400]));
      expect(JSON.stringify(lines)).not.toMatch(/stack|URIError/);
    });

    it('refuses a search body that is not JSON with 415 instead of answering the unfiltered first page', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1), aProduct(2));
      await upsertAll(writer, 'id/local', [anItem().forProduct(1).json(), anItem().forProduct(2).json()]);
      const filter = JSON.stringify({ productIds: [2] });
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv; charset=utf-8']) {
        expectError(await writer.post('/v2/inventory/search', undefined, { raw: filter, headers: { 'content-type': contentType } }), 'UNSUPPORTED_MEDIA_TYPE');
      }
      expectError(await writer.post('/v2/inventory/search', undefined, { raw: filter, headers: { 'content-type': '' } }), 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await writer.post('/v2/inventory/search', undefined, { raw: filter, headers: { 'content-type': 'application/json; charset=latin1' } }), 'UNSUPPORTED_MEDIA_TYPE');
      expect(expectData(await writer.post('/v2/inventory/search', undefined, { raw: filter, headers: { 'content-type': 'application/vnd.api+json' } }))).toHaveLength(1);
    });

    it('refuses a null or non-object search body with 400, and keeps a search without a body (or with {}) searching everything', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1), aProduct(2));
      await upsertAll(writer, 'id/local', [anItem().forProduct(1).json(), anItem().forProduct(2).json()]);
      for (const raw of ['null', '[]', '"productIds"', '7', 'true']) {
        expectError(await writer.post('/v2/inventory/search', undefined, { raw }), 'VALIDATION_FAILED', ['']);
      }
      expect(expectData(await writer.post('/v2/inventory/search'))).toHaveLength(2);
      expect(expectData(await writer.post('/v2/inventory/search', {}))).toHaveLength(2);
      expect(expectData(await writer.post('/v2/inventory/search', undefined, { raw: '', headers: { 'content-type': 'application/json' } }))).toHaveLength(2);
    });

    it('refuses non-JSON and null bodies on every other JSON route too, writing nothing', async () => {
      const { writer } = server().tenant();
      await registerProducts(writer, aProduct(1));
      const [id] = await upsertAll(writer, 'id/local', [anItem().forProduct(1).withQuantity(5).json()]);
      const routes = [
        ['PATCH', `/v2/inventory/id/${id}`, { quantity: 9 }],
        ['POST', '/v2/inventory/bulk/id/local', { inventory: [anItem().forProduct(1).withQuantity(9).json()] }],
        ['POST', '/v2/products/id/1/inventory/supplier', anItem().fromSupplier('ACME').json()],
        ['PUT', '/v2/products/id/1', aProduct(1).withSku('CHANGED').json()],
        ['POST', '/v2/products/bulk', { products: [aProduct(1).withSku('CHANGED').json()] }],
      ] as const;
      for (const [method, path, body] of routes) {
        expectError(await writer.send(method, path, undefined, { raw: JSON.stringify(body), headers: { 'content-type': 'text/plain' } }), 'UNSUPPORTED_MEDIA_TYPE');
        expectError(await writer.send(method, path, undefined, { raw: 'null' }), 'VALIDATION_FAILED');
      }
      const balance = expectData(await writer.get<{ data: { balance: { quantity: number }[] }[]; messages: string[]; total: number }>('/v2/products/id/1/inventory?expands=inventoryBalance'));
      expect(balance[0]?.balance.map((record) => record.quantity)).toEqual([5]);
      expect(expectData(await writer.get<{ data: { sku: string }; messages: string[]; total: number }>('/v2/products/id/1')).sku).toBe('SKU-1');
    });
  },
  { logLines },
);
