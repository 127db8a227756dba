import type { InventoryService } from '@inventory/core';
import { z } from 'zod';
import { listEnvelope, singleEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { aggregateSchema, envelopeOf, recordSchema } from '../openapi/response-schemas.js';
import { presentAggregate } from '../presenters/present-aggregate.js';
import { presentRecord } from '../presenters/present-record.js';
import { exactOptional } from './exact-optional.js';
import { expandsSchema, fields, integerParam, inventoryFieldsShape, inventoryTypeParam, lookupKeyParam, productKeyParam, qualifierQueryShape, wantsBalance } from './field-schemas.js';
import { lookupFrom, parseInventoryType } from './product-lookup.js';
import type { RouteKit } from './route-kit.js';

const productParams = { lookupKey: lookupKeyParam, key: productKeyParam };
const aggregateQuery = z.strictObject({ ...qualifierQueryShape, expands: expandsSchema.optional() });

/** Create body (extension): the record's fields; the product comes from the path. */
export const createInventorySchema = z.strictObject({ ...inventoryFieldsShape, quantity: fields.quantity }).meta({ id: 'InventoryCreate' });

/** A product's aggregate (whole or one warehouse), and creating one record for a product. */
export function addProductInventoryRoutes(kit: RouteKit, service: InventoryService): void {
  const aggregateResponse = { 200: { description: 'One aggregate', schema: envelopeOf(z.array(aggregateSchema)) } };
  const aggregateErrors = ['INVALID_LOOKUP_KEY', 'VALIDATION_FAILED', 'PRODUCT_NOT_FOUND', 'PRODUCT_MULTIPLE_FOUND'] as const;

  kit.add({
    method: 'get',
    path: '/v2/products/{lookupKey}/{key}/inventory',
    operationId: 'getProductInventory',
    summary: 'Aggregated inventory of one product',
    description: 'Sums over every record of the product; `expands=inventoryBalance` adds the records as `balance`. A product without records answers zeros and `nextDeliveryDate: null`.',
    tag: 'Product inventory',
    scope: 'inventory:read',
    params: z.strictObject(productParams),
    query: aggregateQuery,
    responses: aggregateResponse,
    errors: aggregateErrors,
    handle: async ({ tenant, params, query }) => {
      const lookup = lookupFrom(params.lookupKey, params.key, query);
      const aggregate = await service.getProductInventory(tenant, { lookup, withBalance: wantsBalance(query.expands) });
      return { status: 200, body: listEnvelope([presentAggregate(aggregate)]) };
    },
  });

  kit.add({
    method: 'get',
    path: '/v2/products/{lookupKey}/{key}/inventory/warehouses/{warehouseId}',
    operationId: 'getProductWarehouseInventory',
    summary: 'Aggregated inventory of one product in one warehouse',
    description: 'The same aggregate, counting only the records in this warehouse.',
    tag: 'Product inventory',
    scope: 'inventory:read',
    params: z.strictObject({ ...productParams, warehouseId: integerParam.meta({ description: 'Only records in this warehouse count (0 = no warehouse)' }) }),
    query: aggregateQuery,
    responses: aggregateResponse,
    errors: aggregateErrors,
    handle: async ({ tenant, params, query }) => {
      const lookup = lookupFrom(params.lookupKey, params.key, query);
      const aggregate = await service.getProductInventory(tenant, { lookup, warehouseId: params.warehouseId, withBalance: wantsBalance(query.expands) });
      return { status: 200, body: listEnvelope([presentAggregate(aggregate)]) };
    },
  });

  kit.add({
    method: 'post',
    path: '/v2/products/{lookupKey}/{key}/inventory/{inventoryType}',
    operationId: 'createInventory',
    summary: 'Create one inventory record for a product',
    description: 'Local stock is always supplier INTERN. A record with the same identity key already existing is 409.',
    tag: 'Product inventory',
    scope: 'inventory:write',
    params: z.strictObject({ ...productParams, inventoryType: inventoryTypeParam }),
    query: z.strictObject(qualifierQueryShape),
    body: createInventorySchema,
    responses: { 201: { description: 'The new record; message `Inventory created`', schema: envelopeOf(recordSchema) } },
    errors: ['INVALID_LOOKUP_KEY', 'INVALID_INVENTORY_TYPE', 'PRODUCT_NOT_FOUND', 'PRODUCT_MULTIPLE_FOUND', 'INVENTORY_ALREADY_EXISTS'],
    handle: async ({ tenant, origin, params, query, body }) => {
      const lookup = lookupFrom(params.lookupKey, params.key, query);
      const type = parseInventoryType(params.inventoryType);
      const input = exactOptional(parseOrThrow(createInventorySchema, body, 'inventory'));
      const record = await service.createInventory(tenant, { lookup, type, fields: input }, origin);
      return { status: 201, body: singleEnvelope(presentRecord(record), ['Inventory created']) };
    },
  });
}
