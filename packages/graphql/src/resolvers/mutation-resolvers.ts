import type { VersionCheck } from '@inventory/core';
import { createGraphQLError } from 'graphql-yoga';
import type { MutationResolvers } from '../schema/schema-types.generated.js';
import { adjustmentItems, bulkItems, createCommand, inventoryPatch, lookupQualifier } from './inventory-commands.js';
import { adjustmentOutput, bulkUpsertOutput, inventoryOutput } from './inventory-outputs.js';

/** An `expectedVersion` argument as core's check. */
function expectedVersionCheck(expectedVersion: number | null | undefined): VersionCheck | undefined {
  return expectedVersion === undefined || expectedVersion === null ? undefined : { kind: 'expected', version: expectedVersion };
}

/** The writes, each one call of the same use case as the matching REST route. */
export const mutationResolvers = {
  async inventoryCreate(_root, args, context) {
    return inventoryOutput(await context.service.createInventory(context.tenant, createCommand(args.input), context.origin));
  },

  async inventoryUpdate(_root, args, context) {
    const { record } = await context.service.updateInventory(context.tenant, args.id, inventoryPatch(args.input), expectedVersionCheck(args.expectedVersion), context.origin);
    return inventoryOutput(record);
  },

  async inventoryDelete(_root, args, context) {
    await context.service.deleteInventory(context.tenant, args.id, expectedVersionCheck(args.expectedVersion), context.origin);
    return true;
  },

  async inventoryBulkUpsert(_root, args, context) {
    const qualifier = lookupQualifier(args.lookupKey, args.source ?? undefined, args.supplier ?? undefined);
    const results = await context.service.bulkUpsertInventory(context.tenant, {
      kind: args.lookupKey,
      type: args.type,
      ...(qualifier !== undefined && { qualifier }),
      items: bulkItems(args.items),
    }, context.origin);
    return bulkUpsertOutput(results);
  },

  async inventoryAdjust(_root, args, context) {
    const qualifier = lookupQualifier(args.lookupKey, args.source ?? undefined, args.supplier ?? undefined);
    const results = await context.service.adjustInventory(
      context.tenant,
      { kind: args.lookupKey, type: args.type, ...(qualifier !== undefined && { qualifier }), items: adjustmentItems(args.items), atomic: args.atomic },
      context.origin,
    );
    return adjustmentOutput(results);
  },

  async inventoryCsvImport(_root, args, context) {
    if (context.importCsv === undefined) {
      throw createGraphQLError('CSV import is not available on this server', { extensions: { code: 'NOT_IMPLEMENTED', http: { status: 501 } } });
    }
    const { file, mappings, dryRun } = args.input;
    return context.importCsv(context.tenant, file.stream(), { ...(mappings !== undefined && mappings !== null && { mappings }), dryRun: dryRun ?? false, origin: { channel: 'csv', clientId: context.origin.clientId } });
  },
} satisfies MutationResolvers;
