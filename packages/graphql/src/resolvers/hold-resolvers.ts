import { pageRequest, type CreateHoldCommand } from '@inventory/core';

// Core's Hold already has the schema's shape (ids as text, instants as ISO text): no output mapping.
import type { HoldCreateInput, MutationResolvers, QueryResolvers } from '../schema/schema-types.generated.js';
import { lookupQualifier } from './inventory-commands.js';

function createHoldCommand(input: HoldCreateInput): CreateHoldCommand {
  return {
    reference: input.reference,
    ...(input.expiresIn !== undefined && input.expiresIn !== null && { expiresIn: input.expiresIn }),
    lines: input.lines.map((line) => ({
      lookup: { kind: line.lookupKey, key: line.key, qualifier: lookupQualifier(line.lookupKey, line.source ?? undefined, line.supplier ?? undefined) ?? '' },
      quantity: line.quantity,
      ...(line.warehouseId !== undefined && line.warehouseId !== null && { warehouseId: line.warehouseId }),
    })),
  };
}

/** Hold reads, each one call of the same use case as the matching REST route. */
export const holdQueryResolvers = {
  async hold(_root, args, context) {
    return await context.service.getHold(context.tenant, args.id);
  },

  async holds(_root, args, context) {
    const page = pageRequest(args.page ?? undefined, args.offset ?? undefined, context.service.limits.maxPageSize);
    const found = await context.service.listHolds(context.tenant, { ...(args.reference != null && { reference: args.reference }), ...(args.status != null && { status: args.status }) }, page);
    return { ...found.page, items: found.items };
  },
} satisfies QueryResolvers;

/** Hold writes, each one call of the same use case as the matching REST route. */
export const holdMutationResolvers = {
  async holdCreate(_root, args, context) {
    return await context.service.createHold(context.tenant, createHoldCommand(args.input));
  },
  async holdCommit(_root, args, context) {
    return await context.service.commitHold(context.tenant, args.id, context.origin);
  },
  async holdRelease(_root, args, context) {
    return await context.service.releaseHold(context.tenant, args.id);
  },
  async holdExtend(_root, args, context) {
    return await context.service.extendHold(context.tenant, args.id, args.expiresIn);
  },
} satisfies MutationResolvers;
