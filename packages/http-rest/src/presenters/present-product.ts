import { decimal5ToNumber, type ProductReference, type ProductSource } from '@inventory/core';

/** A product reference as JSON (docs/rest.md). */
export interface ProductJson {
  readonly id: number;
  readonly sku: string;
  readonly supplier: string;
  readonly supplierCode: string;
  readonly costPrice: number;
  readonly sources: readonly ProductSource[];
}

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
