import type { LookupKind } from '@inventory/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphqlContext } from '../context/graphql-context.js';
import type { SearchArgs } from './graphql-inputs.js';
import { productLookup, searchQuery } from './inventory-commands.js';
import { inventoryOutput, productInventoryOutput } from './inventory-outputs.js';
import { selectsField } from './selects-field.js';

interface ProductInventoryArgs {
  readonly lookupKey: LookupKind;
  readonly key: string;
  readonly source?: string | null;
  readonly supplier?: string | null;
  readonly warehouseId?: number | null;
}

/** The reads of §3, each one call of the same use case REST's matching GET or search calls. */
export const queryResolvers = {
  async inventory(_root: unknown, args: { readonly id: number }, context: GraphqlContext) {
    return inventoryOutput(await context.service.getInventory(context.tenant, args.id));
  },

  async productInventory(_root: unknown, args: ProductInventoryArgs, context: GraphqlContext, info: GraphQLResolveInfo) {
    const aggregate = await context.service.getProductInventory(context.tenant, {
      lookup: productLookup(args.lookupKey, args.key, args.source ?? undefined, args.supplier ?? undefined),
      ...(args.warehouseId !== undefined && args.warehouseId !== null && { warehouseId: args.warehouseId }),
      withBalance: selectsField(info, ['balance']),
    });
    return productInventoryOutput(aggregate);
  },

  async inventorySearch(_root: unknown, args: { readonly input: SearchArgs }, context: GraphqlContext, info: GraphQLResolveInfo) {
    const { input, page } = searchQuery(args.input, context.service.limits.maxPageSize);
    const result = await context.service.searchProductInventory(context.tenant, input, page, selectsField(info, ['items', 'balance']));
    return { ...result.page, items: result.items.map(productInventoryOutput) };
  },
};
