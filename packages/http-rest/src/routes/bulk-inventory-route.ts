import { parseLookupKind, type BulkItem, type InventoryService } from '@inventory/core';
import { z } from 'zod';
import { listEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { envelopeOf, itemResultSchema } from '../openapi/response-schemas.js';
import { presentBulkResult } from '../presenters/present-item-result.js';
import { readBulkItem } from './bulk-item-reader.js';
import { bulkItemSchema } from './bulk-item-schema.js';
import { inventoryTypeParam, lookupKeyParam, qualifierQueryShape } from './field-schemas.js';
import { parseInventoryType, qualifierFor } from './product-lookup.js';
import type { RouteKit } from './route-kit.js';
import { tooManyItems } from './too-many-items.js';

/** The whole body must be `{ inventory: [...] }`; each item is then read on its own. */
const bulkEnvelopeSchema = z.strictObject({ inventory: z.array(z.unknown()) });

/** Upserts many records by identity key; one result per item, in request order. */
export function addBulkInventoryRoute(kit: RouteKit, service: InventoryService, bulkMaxItems: number): void {
  kit.add({
    method: 'post',
    path: '/v2/inventory/bulk/{lookupKey}/{inventoryType}',
    operationId: 'bulkUpsertInventory',
    summary: 'Bulk upsert inventory records',
    description: `At most ${bulkMaxItems} items (more → 413). Each item is validated and resolved on its own; all valid items are written in one transaction. Items sharing an identity key apply in request order (the last wins).`,
    tag: 'Inventory',
    scope: 'inventory:write',
    params: z.strictObject({ lookupKey: lookupKeyParam, inventoryType: inventoryTypeParam }),
    query: z.strictObject(qualifierQueryShape),
    body: z.strictObject({ inventory: z.array(bulkItemSchema).max(bulkMaxItems) }).meta({ id: 'BulkInventoryRequest' }),
    responses: { 200: { description: 'One result per item, in request order; message `Completed`', schema: envelopeOf(z.array(itemResultSchema)) } },
    errors: ['INVALID_LOOKUP_KEY', 'INVALID_INVENTORY_TYPE'],
    handle: async ({ tenant, origin, params, query, body }) => {
      const kind = parseLookupKind(params.lookupKey);
      const qualifier = qualifierFor(kind, query);
      const type = parseInventoryType(params.inventoryType);
      const { inventory } = parseOrThrow(bulkEnvelopeSchema, body, 'bulk request');
      if (inventory.length > bulkMaxItems) throw tooManyItems(bulkMaxItems);
      const items: BulkItem[] = inventory.map((item) => readBulkItem(item, kind));
      const results = await service.bulkUpsertInventory(tenant, { kind, type, ...(qualifier !== '' && { qualifier }), items }, origin);
      return { status: 200, body: listEnvelope(results.map(presentBulkResult), ['Completed']) };
    },
  });
}
