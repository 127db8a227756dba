import type { InventoryType, LookupKind, VersionCheck } from '@inventory/core';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphqlContext } from '../context/graphql-context.js';
import type { CsvFile, CsvMapping } from '../csv-import.js';
import type { BulkItemArgs, CreateInventoryArgs, UpdateInventoryArgs } from './graphql-inputs.js';
import { bulkItems, createCommand, inventoryPatch, lookupQualifier } from './inventory-commands.js';
import { bulkUpsertOutput, inventoryOutput } from './inventory-outputs.js';

interface BulkUpsertArgs {
  readonly lookupKey: LookupKind;
  readonly type: InventoryType;
  readonly source?: string | null;
  readonly supplier?: string | null;
  readonly items: readonly BulkItemArgs[];
}

interface CsvImportArgs {
  readonly input: { readonly file: CsvFile; readonly mappings?: readonly CsvMapping[] | null; readonly dryRun?: boolean | null };
}

/** An `expectedVersion` argument as core's check; a negative one fails like any other mismatch. */
function expectedVersionCheck(expectedVersion: number | null | undefined): VersionCheck | undefined {
  return expectedVersion === undefined || expectedVersion === null ? undefined : { kind: 'expected', version: expectedVersion };
}

/** The writes of §3, each one call of the same use case as the matching REST route. */
export const mutationResolvers = {
  async inventoryCreate(_root: unknown, args: { readonly input: CreateInventoryArgs }, context: GraphqlContext) {
    return inventoryOutput(await context.service.createInventory(context.tenant, createCommand(args.input)));
  },

  async inventoryUpdate(_root: unknown, args: { readonly id: number; readonly input: UpdateInventoryArgs; readonly expectedVersion?: number | null }, context: GraphqlContext) {
    const { record } = await context.service.updateInventory(context.tenant, args.id, inventoryPatch(args.input), expectedVersionCheck(args.expectedVersion));
    return inventoryOutput(record);
  },

  async inventoryDelete(_root: unknown, args: { readonly id: number; readonly expectedVersion?: number | null }, context: GraphqlContext) {
    await context.service.deleteInventory(context.tenant, args.id, expectedVersionCheck(args.expectedVersion));
    return true;
  },

  async inventoryBulkUpsert(_root: unknown, args: BulkUpsertArgs, context: GraphqlContext) {
    const qualifier = lookupQualifier(args.lookupKey, args.source ?? undefined, args.supplier ?? undefined);
    const results = await context.service.bulkUpsertInventory(context.tenant, {
      kind: args.lookupKey,
      type: args.type,
      ...(qualifier !== undefined && { qualifier }),
      items: bulkItems(args.items),
    });
    return bulkUpsertOutput(results);
  },

  async inventoryCsvImport(_root: unknown, args: CsvImportArgs, context: GraphqlContext) {
    if (context.importCsv === undefined) {
      throw createGraphQLError('CSV import is not available on this server', { extensions: { code: 'NOT_IMPLEMENTED', http: { status: 501 } } });
    }
    const { file, mappings, dryRun } = args.input;
    return context.importCsv(context.tenant, file.stream(), { ...(mappings !== undefined && mappings !== null && { mappings }), dryRun: dryRun ?? false });
  },
};
