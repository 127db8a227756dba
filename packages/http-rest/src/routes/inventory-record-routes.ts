import type { InventoryService } from '@inventory/core';
import { z } from 'zod';
import { singleEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { envelopeOf, recordSchema } from '../openapi/response-schemas.js';
import { etagOf, ifMatchCheck, isNotModified } from '../preconditions/entity-tags.js';
import { presentRecord } from '../presenters/present-record.js';
import { exactOptional } from './exact-optional.js';
import { fields, integerParam } from './field-schemas.js';
import type { RouteKit } from './route-kit.js';

const idParams = z.strictObject({ id: integerParam.meta({ description: 'Inventory record id' }) });
const noQuery = z.strictObject({});
const IF_MATCH = 'With `If-Match: "<version>"` (a list, `W/` forms or `*` too) the write happens only at one of the named versions; otherwise 412 `PreconditionFailed` and nothing is written.';

/** PATCH body: at least one field; supplier and product are fixed for a record's life. */
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

/** One record by id: read (with its ETag), partial update and hard delete (both with If-Match). */
export function addInventoryRecordRoutes(kit: RouteKit, service: InventoryService): void {
  kit.add({
    method: 'get',
    path: '/v2/inventory/id/{id}',
    operationId: 'getInventory',
    summary: 'Get one inventory record',
    description: 'One record of the token’s tenant; an id of another tenant answers 404 exactly like a missing one. Answers `ETag: "<version>"`; with a matching `If-None-Match` it answers 304 without a body.',
    tag: 'Inventory',
    scope: 'inventory:read',
    params: idParams,
    query: noQuery,
    responses: { 200: { description: 'The record', schema: envelopeOf(recordSchema) }, 304: { description: 'Not modified: If-None-Match names the current version; no body' } },
    errors: ['VALIDATION_FAILED', 'INVENTORY_NOT_FOUND'],
    handle: async ({ tenant, params, request }) => {
      const record = await service.getInventory(tenant, params.id);
      const headers = { ETag: etagOf(record.version) };
      if (isNotModified(request.get('If-None-Match'), record.version)) return { status: 304, body: undefined, headers };
      return { status: 200, body: singleEnvelope(presentRecord(record)), headers };
    },
  });

  kit.add({
    method: 'patch',
    path: '/v2/inventory/id/{id}',
    operationId: 'updateInventory',
    summary: 'Update fields of one inventory record',
    description: `Omitted fields stay untouched; a patch equal to the record changes nothing (same version). A change that collides with another record’s identity key is 409. ${IF_MATCH}`,
    tag: 'Inventory',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    body: patchInventorySchema,
    responses: { 200: { description: 'The updated record, with its new ETag; message `Inventory updated`', schema: envelopeOf(recordSchema) } },
    errors: ['INVENTORY_NOT_FOUND', 'INVENTORY_ALREADY_EXISTS', 'PRECONDITION_FAILED'],
    handle: async ({ tenant, origin, params, body, request }) => {
      const patch = exactOptional(parseOrThrow(patchInventorySchema, body, 'inventory update'));
      const { record } = await service.updateInventory(tenant, params.id, patch, ifMatchCheck(request.get('If-Match')), origin);
      return { status: 200, body: singleEnvelope(presentRecord(record), ['Inventory updated']), headers: { ETag: etagOf(record.version) } };
    },
  });

  kit.add({
    method: 'delete',
    path: '/v2/inventory/id/{id}',
    operationId: 'deleteInventory',
    summary: 'Delete one inventory record',
    description: `Hard delete; answers the deleted id. An id of another tenant answers 404 exactly like a missing one. ${IF_MATCH}`,
    tag: 'Inventory',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    responses: { 200: { description: 'The deleted id; message `Inventory deleted`', schema: envelopeOf(z.object({ id: z.int() })) } },
    errors: ['VALIDATION_FAILED', 'INVENTORY_NOT_FOUND', 'PRECONDITION_FAILED'],
    handle: async ({ tenant, origin, params, request }) => {
      const deleted = await service.deleteInventory(tenant, params.id, ifMatchCheck(request.get('If-Match')), origin);
      return { status: 200, body: singleEnvelope({ id: deleted.id }, ['Inventory deleted']) };
    },
  });
}
