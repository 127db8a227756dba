import { validationFailed, type InventoryService, type InvalidProductItem, type ProductInput } from '@inventory/core';
import { z } from 'zod';
import { listEnvelope, singleEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow, toIssues } from '../errors/zod-issues.js';
import { envelopeOf, itemResultSchema, productSchema } from '../openapi/response-schemas.js';
import { presentProductResult } from '../presenters/present-item-result.js';
import { presentProduct } from '../presenters/present-product.js';
import { exactOptional } from './exact-optional.js';
import { integerParam, lookupKeyParam, productKeyParam, qualifierQueryShape } from './field-schemas.js';
import { productBodySchema, productItemSchema } from './product-schemas.js';
import { lookupFrom } from './product-lookup.js';
import type { RouteKit } from './route-kit.js';
import { tooManyItems } from './too-many-items.js';

const idParams = z.strictObject({ id: integerParam.meta({ description: 'Product id' }) });
const noQuery = z.strictObject({});
const bulkEnvelopeSchema = z.strictObject({ products: z.array(z.unknown()) });

/** The product directory (extension): create/replace, bulk upsert, read by any lookup key, delete. */
export function addProductReferenceRoutes(kit: RouteKit, service: InventoryService, bulkMaxItems: number): void {
  kit.add({
    method: 'put',
    path: '/v2/products/id/{id}',
    operationId: 'putProduct',
    summary: 'Create or replace a product reference',
    description: 'Replaces the whole reference (sources left out are removed): 201 when it was new, 200 otherwise. An `id` in the body must equal the path’s.',
    tag: 'Products',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    body: productBodySchema,
    responses: {
      200: { description: 'Replaced; message `Product updated`', schema: envelopeOf(productSchema) },
      201: { description: 'Created; message `Product created`', schema: envelopeOf(productSchema) },
    },
    errors: ['PRODUCT_SOURCE_CONFLICT'],
    handle: async ({ tenant, params, body }) => {
      const input = exactOptional(parseOrThrow(productBodySchema, body, 'product'));
      if (input.id !== undefined && input.id !== params.id) throw validationFailed([{ path: 'id', message: 'must equal the id in the path' }]);
      const { product, created } = await service.putProduct(tenant, { ...input, id: params.id });
      return { status: created ? 201 : 200, body: singleEnvelope(presentProduct(product), [created ? 'Product created' : 'Product updated']) };
    },
  });

  kit.add({
    method: 'post',
    path: '/v2/products/bulk',
    operationId: 'bulkPutProducts',
    summary: 'Create or replace many product references',
    description: `At most ${bulkMaxItems} items (more → 413); one result per item in request order, \`key\` = the product id.`,
    tag: 'Products',
    scope: 'inventory:write',
    params: z.strictObject({}),
    query: noQuery,
    body: z.strictObject({ products: z.array(productItemSchema).max(bulkMaxItems) }).meta({ id: 'BulkProductRequest' }),
    responses: { 200: { description: 'One result per item; message `Completed`', schema: envelopeOf(z.array(itemResultSchema)) } },
    errors: [],
    handle: async ({ tenant, body }) => {
      const { products } = parseOrThrow(bulkEnvelopeSchema, body, 'bulk request');
      if (products.length > bulkMaxItems) throw tooManyItems(bulkMaxItems);
      const results = await service.putProducts(tenant, products.map(readProductItem));
      return { status: 200, body: listEnvelope(results.map(presentProductResult), ['Completed']) };
    },
  });

  kit.add({
    method: 'get',
    path: '/v2/products/{lookupKey}/{key}',
    operationId: 'getProduct',
    summary: 'Get one product reference',
    description: 'By id, sku, sourceId (with `?source=`) or supplierCode (with `?supplier=`); a sku naming several products is 400 ProductMultipleFound.',
    tag: 'Products',
    scope: 'inventory:read',
    params: z.strictObject({ lookupKey: lookupKeyParam, key: productKeyParam }),
    query: z.strictObject(qualifierQueryShape),
    responses: { 200: { description: 'The product reference', schema: envelopeOf(productSchema) } },
    errors: ['INVALID_LOOKUP_KEY', 'VALIDATION_FAILED', 'PRODUCT_NOT_FOUND', 'PRODUCT_MULTIPLE_FOUND'],
    handle: async ({ tenant, params, query }) => {
      const product = await service.getProduct(tenant, lookupFrom(params.lookupKey, params.key, query));
      return { status: 200, body: singleEnvelope(presentProduct(product)) };
    },
  });

  kit.add({
    method: 'delete',
    path: '/v2/products/id/{id}',
    operationId: 'deleteProduct',
    summary: 'Delete a product reference',
    description: 'Refused with 409 ProductHasInventory (80010) while inventory records point at the product.',
    tag: 'Products',
    scope: 'inventory:write',
    params: idParams,
    query: noQuery,
    responses: { 200: { description: 'The deleted id; message `Product deleted`', schema: envelopeOf(z.object({ id: z.int() })) } },
    errors: ['VALIDATION_FAILED', 'PRODUCT_NOT_FOUND', 'PRODUCT_HAS_INVENTORY'],
    handle: async ({ tenant, params }) => ({ status: 200, body: singleEnvelope(await service.deleteProduct(tenant, params.id), ['Product deleted']) }),
  });
}

/** A malformed item fails on its own, named by its id when that is readable. */
function readProductItem(raw: unknown): ProductInput | InvalidProductItem {
  const parsed = productItemSchema.safeParse(raw);
  if (parsed.success) return exactOptional(parsed.data);
  const id: unknown = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return { invalid: toIssues(parsed.error), ...(typeof id === 'number' && Number.isSafeInteger(id) && { key: id }) };
}
