import { IssueCollector, validationFailed } from '@inventory/core';
import type { ProductResolvers } from '../schema/schema-types.generated.js';
import { productInventoryOutput } from './inventory-outputs.js';
import { selectsField } from './selects-field.js';

const INT_MAX = 2_147_483_647;

/** What `Product` resolvers start from: the key a gateway sent, nothing else. */
export interface ProductEntity {
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
  async inventory(product, args, context, info) {
    const warehouseId = args.warehouseId ?? undefined;
    const check = new IssueCollector();
    check.id('warehouseId', warehouseId, 0);
    if (check.issues.length > 0) throw validationFailed(check.issues);
    context.budget.assertOpen();
    const aggregate = await context.productInventory.load(product.id, warehouseId, selectsField(info, ['balance']));
    context.budget.chargeAggregates(info, [], [aggregate]);
    return productInventoryOutput(aggregate);
  },
} satisfies ProductResolvers;
