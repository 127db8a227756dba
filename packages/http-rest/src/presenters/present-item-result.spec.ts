import { createMemoryAdapters } from '@inventory/core';
import { aProduct, serviceOver, TENANT_A } from '@inventory/core/testing';
import { describe, expect, it } from 'vitest';
import { presentBulkResult } from './present-item-result.js';

describe('presentBulkResult', () => {
  it('when core reports items, the JSON has the wire fields in wire order, successes and failures alike', async () => {
    const db = createMemoryAdapters();
    await db.unitOfWork.run((stores) => stores.products.putMany(TENANT_A, [aProduct(7).build()]));
    const results = await serviceOver(db).bulkUpsertInventory(TENANT_A, { kind: 'id', type: 'local', items: [{ productId: 7, quantity: 1 }, { productId: 7, quantity: 2 }, { productId: 8, quantity: 1 }] });
    const id = results[0]?.success === true ? results[0].id : 0;
    expect(results.map((result) => JSON.stringify(presentBulkResult(result)))).toEqual([
      `{"index":0,"success":true,"action":"create","changed":true,"id":${id},"lookupKey":"id","key":"7"}`,
      `{"index":1,"success":true,"action":"update","changed":true,"id":${id},"lookupKey":"id","key":"7"}`,
      '{"index":2,"success":false,"lookupKey":"id","key":"8","error":{"code":80006,"type":"ProductNotFound","messages":["Product with id 8 not found"]}}',
    ]);
  });
});
