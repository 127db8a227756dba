import type { QueryResolvers } from '../schema/schema-types.generated.js';
import { movementsQuery, productLookup, searchQuery } from './inventory-commands.js';
import { inventoryOutput, productInventoryOutput } from './inventory-outputs.js';
import { selectsField } from './selects-field.js';

/** The reads, each one call of the same use case REST's matching GET or search calls. */
export const queryResolvers = {
  async inventory(_root, args, context) {
    return inventoryOutput(await context.service.getInventory(context.tenant, args.id));
  },

  async productInventory(_root, args, context, info) {
    context.budget.assertOpen();
    const aggregate = await context.service.getProductInventory(context.tenant, {
      lookup: productLookup(args.lookupKey, args.key, args.source ?? undefined, args.supplier ?? undefined),
      ...(args.warehouseId !== undefined && args.warehouseId !== null && { warehouseId: args.warehouseId }),
      withBalance: selectsField(info, ['balance']),
    });
    context.budget.chargeAggregates(info, [], [aggregate]);
    return productInventoryOutput(aggregate);
  },

  async inventorySearch(_root, args, context, info) {
    context.budget.assertOpen();
    const { input, page } = searchQuery(args.input, context.service.limits.maxPageSize);
    const result = await context.service.searchProductInventory(context.tenant, input, page, selectsField(info, ['items', 'balance']));
    context.budget.chargeAggregates(info, ['items'], result.items);
    return { ...result.page, items: result.items.map(productInventoryOutput) };
  },

  async inventoryMovements(_root, args, context) {
    const { filter, limit } = movementsQuery(args.filter, args.after, args.limit);
    const page = await context.service.listMovements(context.tenant, filter, limit);
    return { total: page.items.length, items: page.items, next: page.next };
  },
} satisfies QueryResolvers;
