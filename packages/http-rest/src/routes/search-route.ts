import { MAX_SEARCH_PRODUCT_IDS, pageRequest, type InventoryService, type SearchInput } from '@inventory/core';
import { z } from 'zod';
import { paginatedEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { aggregateSchema, pageOf } from '../openapi/response-schemas.js';
import { presentAggregate } from '../presenters/present-aggregate.js';
import { exactOptional } from './exact-optional.js';
import { expandsSchema, fields, inventoryTypeParam, text, wantsBalance } from './field-schemas.js';
import { parseInventoryType } from './product-lookup.js';
import { paging, queryInteger } from './paging-fields.js';
import type { RouteKit } from './route-kit.js';


export const searchQuerySchema = z.strictObject({ ...paging, expands: expandsSchema.optional() });

/** Search filters (docs/rest.md), every one optional; `warehouseId` and `location` are singular aliases. */
export const searchBodySchema = z
  .strictObject({
    productIds: z.array(fields.productId).max(MAX_SEARCH_PRODUCT_IDS).optional(),
    skus: z.array(text()).optional(),
    warehouseIds: z.array(fields.warehouseId).optional(),
    warehouseId: fields.warehouseId.optional(),
    locations: z.array(text()).optional(),
    location: text().optional(),
    inventoryType: inventoryTypeParam.optional(),
    suppliers: z.array(text()).optional(),
    companyIds: z.array(fields.companyId).optional(),
    modifiedSince: fields.isoDate.optional(),
    ...paging,
    expands: expandsSchema.optional(),
  })
  .meta({ id: 'InventorySearch' });

type SearchBody = z.output<typeof searchBodySchema>;

/** Aggregates per product matching the filters, one page of products ordered by id. */
export function addSearchRoute(kit: RouteKit, service: InventoryService): void {
  kit.add({
    method: 'post',
    path: '/v2/inventory/search',
    operationId: 'searchInventory',
    summary: 'Search product inventory',
    description:
      'Without productIds: the products with at least one matching record. With productIds: exactly those (zeros where nothing matches). Paging in the query or the body; the query wins. Every filter is optional: a request without a body (or with `{}`) searches everything; a body must be a JSON object.',
    tag: 'Inventory',
    scope: 'inventory:read',
    params: z.strictObject({}),
    query: searchQuerySchema,
    body: searchBodySchema,
    bodyRequired: false,
    responses: { 200: { description: 'One page of aggregates; message `Completed`', schema: pageOf(aggregateSchema) } },
    errors: ['INVALID_PAGING', 'INVALID_INVENTORY_TYPE'],
    handle: async ({ tenant, query, body }) => {
      // No body at all searches everything; a body that is there (`null` included) must be an object
      const search = parseOrThrow(searchBodySchema, body === undefined ? {} : body, 'search');
      const page = pageRequest(queryInteger(query.page) ?? search.page, queryInteger(query.offset) ?? search.offset, service.limits.maxPageSize);
      const withBalance = wantsBalance(query.expands ?? search.expands);
      const result = await service.searchProductInventory(tenant, searchInput(search), page, withBalance);
      return { status: 200, body: paginatedEnvelope(result.items.map(presentAggregate), result.page, ['Completed']) };
    },
  });
}

function searchInput(body: SearchBody): SearchInput {
  const { warehouseId, location, inventoryType, page: _page, offset: _offset, expands: _expands, ...lists } = body;
  return exactOptional({
    ...lists,
    warehouseIds: merge(body.warehouseIds, warehouseId),
    locations: merge(body.locations, location),
    inventoryType: inventoryType === undefined ? undefined : parseInventoryType(inventoryType),
  });
}

function merge<T>(list: readonly T[] | undefined, single: T | undefined): readonly T[] | undefined {
  if (single === undefined) return list;
  return [...(list ?? []), single];
}
