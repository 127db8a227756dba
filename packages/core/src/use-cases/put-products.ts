import { InventoryError, validationFailed, type ErrorCode, type Issue } from '../domain/errors.js';
import { checkProductInput, sourceKey, type ProductInput, type ProductReference } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryDeps } from './deps.js';

export type ProductItemResult =
  | { readonly index: number; readonly success: true; readonly action: 'create' | 'update'; readonly id: number; readonly key: number }
  | { readonly index: number; readonly success: false; readonly key: number | null; readonly error: { readonly code: ErrorCode; readonly message: string; readonly details: readonly Issue[] } };

/** A product item the edge could not read. */
interface PendingProduct {
  /** Every item naming this product, in request order; the last one's content wins. */
  readonly indexes: readonly number[];
  readonly product: ProductReference;
}

export interface InvalidProductItem {
  readonly invalid: readonly Issue[];
  readonly key?: number;
}

/**
 * Creates or replaces many product references in one transaction; each item is validated on its
 * own, and an item whose source belongs to another product fails with PRODUCT_SOURCE_CONFLICT.
 */
export async function putProducts(deps: InventoryDeps, tenant: TenantId, items: readonly (ProductInput | InvalidProductItem)[]): Promise<ProductItemResult[]> {
  if (items.length > deps.limits.bulkMaxItems) {
    throw new InventoryError('PAYLOAD_TOO_LARGE', `A bulk request takes at most ${deps.limits.bulkMaxItems} items`);
  }
  const results: ProductItemResult[] = [];
  const fail = (index: number, key: number | null, code: ErrorCode, message: string, details: readonly Issue[] = []): void => {
    results[index] = { index, success: false, key, error: { code, message, details } };
  };
  const byId = new Map<number, PendingProduct>();
  items.forEach((item, index) => {
    if ('invalid' in item) return fail(index, item.key ?? null, 'VALIDATION_FAILED', 'Validation failed', item.invalid);
    const checked = checkProductInput(item);
    if (Array.isArray(checked)) return fail(index, item.id, 'VALIDATION_FAILED', 'Validation failed', checked);
    const pending = byId.get(checked.id);
    if (pending === undefined) byId.set(checked.id, { indexes: [index], product: checked });
    else byId.set(checked.id, { indexes: [...pending.indexes, index], product: checked });
  });
  const pending = [...byId.values()];
  const owners = await deps.stores.products.sourceOwners(tenant, pending.flatMap(({ product }) => product.sources));
  const accepted = claimSources(pending, owners, (rejected, message) => {
    for (const index of rejected.indexes) fail(index, rejected.product.id, 'PRODUCT_SOURCE_CONFLICT', message);
  });
  const created =
    accepted.length === 0 ? new Set<number>() : await deps.unitOfWork.run((stores) => stores.products.putMany(tenant, accepted.map(({ product }) => product)));
  for (const { indexes, product } of accepted) {
    indexes.forEach((index, position) => {
      const action = created.has(product.id) && position === 0 ? 'create' : 'update';
      results[index] = { index, success: true, action, id: product.id, key: product.id };
    });
  }
  return results;
}

/** Create or replace one product reference; tells whether it was new. */
export async function putProduct(deps: InventoryDeps, tenant: TenantId, input: ProductInput): Promise<{ product: ProductReference; created: boolean }> {
  const checked = checkProductInput(input);
  if (Array.isArray(checked)) throw validationFailed(checked);
  const [result] = await putProducts(deps, tenant, [input]);
  if (result === undefined) throw new Error('putProducts returned no result');
  if (!result.success) throw new InventoryError(result.error.code, result.error.message, result.error.details);
  return { product: checked, created: result.action === 'create' };
}

/**
 * Lets each product, in request order, claim its sources. A source is free when nobody owns it,
 * its owner is this product, or its owner is replaced in this batch without it.
 */
function claimSources(
  items: readonly PendingProduct[],
  owners: ReadonlyMap<string, number>,
  reject: (item: PendingProduct, message: string) => void,
): PendingProduct[] {
  const replacing = new Map(items.map(({ product }) => [product.id, new Set(product.sources.map(sourceKey))]));
  const claimedInBatch = new Map<string, number>();
  const accepted: PendingProduct[] = [];
  for (const item of items) {
    const taken = item.product.sources.find((source) => {
      const key = sourceKey(source);
      const owner = claimedInBatch.get(key) ?? owners.get(key);
      if (owner === undefined || owner === item.product.id) return false;
      const ownerKeeps = replacing.get(owner);
      return claimedInBatch.has(key) || ownerKeeps === undefined || ownerKeeps.has(key);
    });
    if (taken !== undefined) {
      reject(item, `Source ${taken.source}/${taken.sourceId} belongs to another product`);
      continue;
    }
    for (const source of item.product.sources) claimedInBatch.set(sourceKey(source), item.product.id);
    accepted.push(item);
  }
  return accepted;
}
