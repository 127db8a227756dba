import type { Decimal5 } from './decimal5.js';
import { ZERO_DECIMAL5 } from './decimal5.js';
import type { Issue } from './errors.js';
import { LIMITS } from './field-limits.js';
import { checkCostPrice } from './inventory-input.js';
import { IssueCollector } from './value-rules.js';

/** An external system's id for a product; unique per tenant. */
export interface ProductSource {
  readonly source: string;
  readonly sourceId: string;
}

/** What the service knows of a product, enough to resolve lookups and default record fields (docs/rest.md). */
export interface ProductSummary {
  readonly id: number;
  readonly sku: string;
  readonly supplier: string;
  readonly supplierCode: string;
  readonly costPrice: Decimal5;
}

export interface ProductReference extends ProductSummary {
  readonly sources: readonly ProductSource[];
}

export interface ProductInput {
  readonly id: number;
  readonly sku?: string;
  readonly supplier?: string;
  readonly supplierCode?: string;
  readonly costPrice?: number | string;
  readonly sources?: readonly ProductSource[];
}

/** Checks a product reference and fills its defaults; duplicate sources collapse into one. */
export function checkProductInput(input: ProductInput): ProductReference | Issue[] {
  const check = new IssueCollector();
  check.id('id', input.id, 1);
  check.maxLength('sku', input.sku, LIMITS.sku);
  check.maxLength('supplier', input.supplier, LIMITS.supplier);
  check.maxLength('supplierCode', input.supplierCode, LIMITS.supplierCode);
  const costPrice = checkCostPrice(check, 'costPrice', input.costPrice);
  const sources = new Map<string, ProductSource>();
  (input.sources ?? []).forEach((source, index) => {
    for (const field of ['source', 'sourceId'] as const) {
      if (source[field] === '') check.add(`sources.${index}.${field}`, 'must not be empty');
      check.maxLength(`sources.${index}.${field}`, source[field], LIMITS[field]);
    }
    sources.set(sourceKey(source), { source: source.source, sourceId: source.sourceId });
  });
  if (check.issues.length > 0) return check.issues;
  return {
    id: input.id,
    sku: input.sku ?? '',
    supplier: input.supplier ?? '',
    supplierCode: input.supplierCode ?? '',
    costPrice: costPrice ?? ZERO_DECIMAL5,
    sources: [...sources.values()].sort(compareSources),
  };
}

/** Sources are kept sorted by source, then sourceId, everywhere they are returned. */
export function compareSources(a: ProductSource, b: ProductSource): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}

export function sourceKey(source: ProductSource): string {
  return `${source.source}\u0000${source.sourceId}`;
}
