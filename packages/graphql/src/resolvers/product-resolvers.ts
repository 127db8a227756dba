import { IssueCollector, validationFailed } from '@inventory/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphqlContext } from '../context/graphql-context.js';
import { productInventoryOutput } from './inventory-outputs.js';
import { selectsField } from './selects-field.js';

const INT_MAX = 2_147_483_647;

interface ProductEntity {
  readonly id: number;
}

/** A `Product` representation from a gateway: only its key, an Int `id`, is read. */
export function productReference(representation: Readonly<Record<string, unknown>>): ProductEntity {
  const id = representation['id'];
  if (typeof id !== 'number' || !Number.isInteger(id) || Math.abs(id) > INT_MAX) {
    throw validationFailed([{ path: 'id', message: 'must be an Int' }], 'Invalid Product representation');
  }
  return { id };
}

/**
 * `Product.inventory` through the per-request loader: one read for all products of a request.
 * An id without records, known to the directory or not, answers zeros.
 */
export const productResolvers = {
  async inventory(product: ProductEntity, args: { readonly warehouseId?: number | null }, context: GraphqlContext, info: GraphQLResolveInfo) {
    const warehouseId = args.warehouseId ?? undefined;
    const check = new IssueCollector();
    check.id('warehouseId', warehouseId, 0);
    if (check.issues.length > 0) throw validationFailed(check.issues);
    return productInventoryOutput(await context.productInventory.load(product.id, warehouseId, selectsField(info, ['balance'])));
  },
};
