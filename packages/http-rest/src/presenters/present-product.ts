import { decimal5ToNumber, type ProductReference } from '@inventory/core';
import type { z } from 'zod';
import type { productSchema } from '../openapi/response-schemas.js';

/** A product reference as JSON (docs/rest.md), typed by its response schema. */
export type ProductJson = z.output<typeof productSchema>;

export function presentProduct(product: ProductReference): ProductJson {
  return {
    id: product.id,
    sku: product.sku,
    supplier: product.supplier,
    supplierCode: product.supplierCode,
    costPrice: decimal5ToNumber(product.costPrice),
    sources: product.sources.map(({ source, sourceId }) => ({ source, sourceId })),
  };
}
