import { MOVEMENT_REASONS, parseIsoInstant, type InventoryService, type MovementFilter } from '@inventory/core';
import { z } from 'zod';
import { cursorPageOf, movementSchema } from '../openapi/response-schemas.js';
import { exactOptional } from './exact-optional.js';
import { integerParam, text } from './field-schemas.js';
import type { RouteKit } from './route-kit.js';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/** An ISO 8601 instant in the query, read as core's canonical UTC instant. */
const instantQuery = text()
  .transform((value, context) => {
    const instant = parseIsoInstant(value);
    if (instant === undefined) context.addIssue({ code: 'custom', message: 'must be an ISO 8601 date or date-time', input: value });
    return instant ?? z.NEVER;
  })
  .meta({ type: 'string', format: 'date-time', example: '2025-01-15T10:30:00.000Z' });

export const movementsQuerySchema = z.strictObject({
  productId: integerParam.optional().meta({ description: 'Only movements of this product' }),
  inventoryId: integerParam.optional().meta({ description: 'Only movements of this record (its id stays on its movements after a delete)' }),
  reason: z.enum(MOVEMENT_REASONS).optional().meta({ description: 'Only movements with this reason' }),
  from: instantQuery.optional().meta({ description: 'Only movements created at or after this instant (inclusive)' }),
  to: instantQuery.optional().meta({ description: 'Only movements created before this instant (exclusive)' }),
  after: integerParam.optional().meta({ description: 'The last movement id already seen: the page starts after it (`next` of the previous page)' }),
  limit: integerParam
    .refine((limit) => limit >= 1 && limit <= MAX_LIMIT, `must be 1…${MAX_LIMIT}`)
    .optional()
    .meta({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Movements per page, 1…${MAX_LIMIT} (default ${DEFAULT_LIMIT})` }),
});

/** The ledger of the token's tenant in ascending id order, one cursor page at a time. */
export function addMovementsRoute(kit: RouteKit, service: InventoryService): void {
  kit.add({
    method: 'get',
    path: '/v2/inventory/movements',
    operationId: 'listMovements',
    summary: 'List stock movements (the ledger)',
    description:
      'One movement per write that changed a quantity (reason `set` for absolute writes, `delete` for deletes, else the adjustment’s reason), in ascending id order. Every filter narrows; pass `next` as `after` to read the following page. Per record the deltas sum to its quantity (0 once deleted).',
    tag: 'Inventory',
    scope: 'inventory:read',
    params: z.strictObject({}),
    query: movementsQuerySchema,
    responses: { 200: { description: 'One page of movements; `next` is null on the last page', schema: cursorPageOf(movementSchema) } },
    errors: ['VALIDATION_FAILED'],
    handle: async ({ tenant, query }) => {
      const { limit = DEFAULT_LIMIT, ...filter } = query;
      const page = await service.listMovements(tenant, exactOptional(filter) satisfies MovementFilter, limit);
      return { status: 200, body: { data: page.items, messages: [], total: page.items.length, next: page.next } };
    },
  });
}
