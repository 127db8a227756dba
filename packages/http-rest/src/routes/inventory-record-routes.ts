import type { InventoryService } from '@inventory/core';
import { z } from 'zod';
import { singleEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { envelopeOf, recordSchema } from '../openapi/response-schemas.js';
import { presentRecord } from '../presenters/present-record.js';
import { exactOptional } from './exact-optional.js';
import { fields, integerParam } from './field-schemas.js';
import type { RouteKit } from './route-kit.js';

const idParams = z.strictObject({ id: integerParam.meta({ description: 'Inventory record id' }) });
const noQuery = z.strictObject({});

/** PATCH body (§2.3): at least one field; supplier and product are fixed for a record's life. */
export const patchInventorySchema = z
  .strictObject({
    quantity: fields.quantity.optional(),
    costPrice: fields.costPrice.optional(),
    nextDeliveryDate: fields.nextDeliveryDate.optional().meta({ description: 'null clears the date' }),
    notes: fields.notes.optional(),
    sku: fields.sku.optional(),
    supplierCode: fields.supplierCode.optional(),
    location: fields.location.optional(),
    warehouseId: fields.warehouseId.optional(),
    companyId: fields.companyId.optional(),
  })
  .meta({ id: 'InventoryPatch' });

/** One record by id: read, partial update, hard delete. */
export function addInventoryRecordRoutes(kit: RouteKit, service: InventoryService): void {
  kit.add({
    method: 'get',
    path: '/v2/inventory/id/{id}',
    operationId: 'getInventory',
    summary: 'Get one inventory record',
    description: 'One record of the token’s tenant; an id of another tenant answers 404 exactly like a missing one.',
    tag: 'Inventory',
    scope: 'inventory:read',
    params: idParams,
    query: noQuery,
    responses: { 200: { description: 'The record', schema: envelopeOf(recordSchema) } },
    errors: ['VALIDATION_FAILED', 'INVENTORY_NOT_FOUND'],
    handle: async ({ tenant, params }) => ({ status: 200, body: singleEnvelope(presentRecord(await service.getInventory(tenant, params.id))) }),
  });

  kit.add({
    method: 'patch',
    path: '/v2/inventory/id/{id}',
    operationId: 'updateInventory',
    summary: 'Update fields of one inventory record',
    description: 'Omitted fields stay untouched. A change that collides with another record’s identity key is 409.',
    tag: 'Inventory',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    body: patchInventorySchema,
    responses: { 200: { description: 'The updated record; message `Inventory updated`', schema: envelopeOf(recordSchema) } },
    errors: ['INVENTORY_NOT_FOUND', 'INVENTORY_ALREADY_EXISTS'],
    handle: async ({ tenant, params, body }) => {
      const patch = exactOptional(parseOrThrow(patchInventorySchema, body, 'inventory update'));
      const updated = await service.updateInventory(tenant, params.id, patch);
      return { status: 200, body: singleEnvelope(presentRecord(updated), ['Inventory updated']) };
    },
  });

  kit.add({
    method: 'delete',
    path: '/v2/inventory/id/{id}',
    operationId: 'deleteInventory',
    summary: 'Delete one inventory record',
    description: 'Hard delete; answers the deleted id. An id of another tenant answers 404 exactly like a missing one.',
    tag: 'Inventory',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    responses: { 200: { description: 'The deleted id; message `Inventory deleted`', schema: envelopeOf(z.object({ id: z.int() })) } },
    errors: ['VALIDATION_FAILED', 'INVENTORY_NOT_FOUND'],
    handle: async ({ tenant, params }) => ({ status: 200, body: singleEnvelope(await service.deleteInventory(tenant, params.id), ['Inventory deleted']) }),
  });
}
