import { parseLookupKind, type AdjustmentItem, type InventoryService } from '@inventory/core';
import { z } from 'zod';
import { listEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { adjustmentResultSchema, envelopeOf } from '../openapi/response-schemas.js';
import { presentAdjustmentResult } from '../presenters/present-adjustment-result.js';
import { adjustmentItemSchema } from './adjustment-item-schema.js';
import { readStrictItem } from './bulk-item-reader.js';
import { inventoryTypeParam, lookupKeyParam, qualifierQueryShape } from './field-schemas.js';
import { parseInventoryType, qualifierFor } from './product-lookup.js';
import type { RouteKit } from './route-kit.js';
import { tooManyItems } from './too-many-items.js';

const ATOMIC = z.boolean().optional().meta({ description: 'All or nothing: any failing item fails the whole request (its status and code, `details` naming every failing item) and nothing is written. Default false.' });

/** The whole body must be `{ adjustments: [...], atomic? }`; each item is then read on its own. */
const adjustEnvelopeSchema = z.strictObject({ adjustments: z.array(z.unknown()), atomic: ATOMIC });

/** Adds deltas to records by identity key; the database computes each new quantity (docs/ledger.md). */
export function addAdjustmentRoute(kit: RouteKit, service: InventoryService, bulkMaxItems: number): void {
  kit.add({
    method: 'post',
    path: '/v2/inventory/adjustments/{lookupKey}/{inventoryType}',
    operationId: 'adjustInventory',
    summary: 'Adjust stock by deltas',
    description: `At most ${bulkMaxItems} items (more → 413). Each item adds its non-zero \`delta\` to the record of its identity key inside the database write, so concurrent adjustments lose nothing, and appends one ledger movement with its \`reason\` and \`reference\`. A positive delta on a missing record creates it; a result below zero without \`allowNegative\`, or a negative delta on a missing record, fails the item with 13010 InsufficientStock; a result outside ±1e9 with 10007. Items on the same record apply in request order. Without \`atomic\` each item succeeds or fails on its own.`,
    tag: 'Inventory',
    scope: 'inventory:write',
    params: z.strictObject({ lookupKey: lookupKeyParam, inventoryType: inventoryTypeParam }),
    query: z.strictObject(qualifierQueryShape),
    body: z.strictObject({ adjustments: z.array(adjustmentItemSchema).max(bulkMaxItems), atomic: ATOMIC }).meta({ id: 'AdjustmentRequest' }),
    responses: { 200: { description: 'One result per item, in request order; message `Completed`', schema: envelopeOf(z.array(adjustmentResultSchema)) } },
    errors: ['INVALID_LOOKUP_KEY', 'INVALID_INVENTORY_TYPE', 'LOOKUP_KEY_MISSING', 'PRODUCT_NOT_FOUND', 'PRODUCT_MULTIPLE_FOUND', 'INSUFFICIENT_STOCK', 'VERSION_CONFLICT'],
    handle: async ({ tenant, origin, params, query, body }) => {
      const kind = parseLookupKind(params.lookupKey);
      const qualifier = qualifierFor(kind, query);
      const type = parseInventoryType(params.inventoryType);
      const { adjustments, atomic = false } = parseOrThrow(adjustEnvelopeSchema, body, 'adjustment request');
      if (adjustments.length > bulkMaxItems) throw tooManyItems(bulkMaxItems, 'An adjustment request');
      const items: AdjustmentItem[] = adjustments.map((item) => readStrictItem(adjustmentItemSchema, item, kind));
      const results = await service.adjustInventory(tenant, { kind, type, ...(qualifier !== '' && { qualifier }), items, atomic }, origin);
      return { status: 200, body: listEnvelope(results.map(presentAdjustmentResult), ['Completed']) };
    },
  });
}
