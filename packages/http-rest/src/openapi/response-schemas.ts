import { HOLD_STATUSES, INVENTORY_TYPES, LOOKUP_KINDS, MOVEMENT_REASONS } from '@inventory/core';
import { z } from 'zod';

/**
 * The response shapes: the OpenAPI document is generated from them, and the presenters' JSON
 * types are derived from them (`z.output`), so the two cannot drift apart.
 */
const isoInstant = z.string().meta({ format: 'date-time', example: '2025-01-15T10:30:00.000Z' });

export const recordSchema = z
  .object({
    id: z.int(),
    productId: z.int(),
    quantity: z.int(),
    supplier: z.string().meta({ description: 'INTERN for local stock' }),
    supplierCode: z.string(),
    sku: z.string(),
    warehouseId: z.int(),
    companyId: z.int(),
    location: z.string(),
    costPrice: z.number(),
    notes: z.string(),
    nextDeliveryDate: isoInstant.nullable(),
    createdAt: isoInstant,
    lastModifiedAt: isoInstant,
    version: z.int().meta({ description: '1 at creation; +1 on every write that changes a field. The ETag of the record.' }),
  })
  .meta({ id: 'Inventory' });

export const aggregateSchema = z
  .object({
    productId: z.int(),
    totalQuantity: z.int().meta({ description: 'localQuantity + supplierQuantity' }),
    totalReservedQuantity: z.int(),
    localQuantity: z.int().meta({ description: 'Σ quantity of local records with companyId 0' }),
    localReservedQuantity: z.int(),
    supplierQuantity: z.int(),
    supplierReservedQuantity: z.int(),
    nextDeliveryDate: isoInstant.nullable().meta({ description: 'Earliest delivery on or after the start of today (UTC)' }),
    heldQuantity: z.int().meta({ description: 'Stock set aside by active holds in this scope (a hold line without a warehouse counts in no warehouse)' }),
    availableQuantity: z.int().meta({ description: 'totalQuantity − heldQuantity: what a new hold may still take' }),
    balance: z.array(recordSchema).optional().meta({ description: 'The records, with expands=inventoryBalance' }),
  })
  .meta({ id: 'ProductInventory' });

export const holdSchema = z
  .object({
    id: z.string().meta({ description: 'The hold id (digits, as text)' }),
    reference: z.string(),
    status: z.enum(HOLD_STATUSES).meta({ description: 'active until committed, released or its expiry (then expired)' }),
    expiresAt: isoInstant,
    createdAt: isoInstant,
    lines: z.array(z.object({ productId: z.int(), warehouseId: z.int().nullable().meta({ description: 'null: held from the product as a whole' }), quantity: z.int() })),
  })
  .meta({ id: 'Hold' });

export const productSchema = z
  .object({
    id: z.int(),
    sku: z.string(),
    supplier: z.string(),
    supplierCode: z.string(),
    costPrice: z.number(),
    sources: z.array(z.object({ source: z.string(), sourceId: z.string() })),
  })
  .meta({ id: 'ProductReference' });

const itemError = z.object({
  code: z.int(),
  type: z.string(),
  messages: z.array(z.string()),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const itemResultSchema = z
  .object({
    index: z.int(),
    success: z.boolean(),
    action: z.enum(['create', 'update']).optional(),
    changed: z.boolean().optional().meta({ description: 'false when the item equalled the stored record, which was left untouched (same version, same lastModifiedAt)' }),
    id: z.int().optional(),
    lookupKey: z.enum(LOOKUP_KINDS),
    key: z.union([z.string(), z.int()]).nullable(),
    error: itemError.optional(),
  })
  .meta({ id: 'BulkItemResult' });

export const adjustmentResultSchema = z
  .object({
    index: z.int(),
    success: z.boolean(),
    action: z.enum(['create', 'update']).optional().meta({ description: 'create when a positive delta made the record' }),
    changed: z.boolean().optional().meta({ description: 'Always true on success: every applied adjustment changes the quantity' }),
    id: z.int().optional(),
    quantity: z.int().optional().meta({ description: 'The quantity after this adjustment' }),
    version: z.int().optional().meta({ description: 'The record’s version after this adjustment' }),
    movementId: z.int().optional().meta({ description: 'The ledger movement this adjustment appended' }),
    lookupKey: z.enum(LOOKUP_KINDS),
    key: z.union([z.string(), z.int()]).nullable(),
    error: itemError.optional(),
  })
  .meta({ id: 'AdjustmentResult' });

export const movementSchema = z
  .object({
    id: z.int().meta({ description: 'Increasing; the cursor of `after`' }),
    inventoryId: z.int(),
    productId: z.int(),
    inventoryType: z.enum(INVENTORY_TYPES),
    warehouseId: z.int(),
    location: z.string(),
    companyId: z.int(),
    supplier: z.string(),
    supplierCode: z.string(),
    delta: z.int().meta({ description: 'The change of quantity; per record the deltas sum to its quantity' }),
    quantityAfter: z.int().meta({ description: 'The record’s quantity right after this movement' }),
    reason: z.enum(MOVEMENT_REASONS).meta({ description: '`set` for absolute writes, `delete` for deletes, else the adjustment’s reason' }),
    reference: z.string(),
    channel: z.enum(['rest', 'graphql', 'csv']),
    clientId: z.string().meta({ description: 'The OAuth client of the token that wrote' }),
    createdAt: isoInstant,
  })
  .meta({ id: 'Movement' });

/** A cursor page: `next` is the `after` of the following page, null on the last one. */
export function cursorPageOf(item: z.ZodType): z.ZodType {
  return z.object({
    data: z.array(item),
    messages: z.array(z.string()),
    total: z.int(),
    next: z.int().nullable().meta({ description: 'Pass as `after` for the following page; null when this page is the last' }),
  });
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.int(),
      status: z.int(),
      type: z.string(),
      messages: z.array(z.string()),
      details: z.array(z.object({ path: z.string().meta({ example: 'productIds.3' }), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** `{ data, messages, total }` around a data schema. */
export function envelopeOf(data: z.ZodType): z.ZodType {
  return z.object({ data, messages: z.array(z.string()), total: z.int() });
}

/** The paginated envelope: adds the paging fields (docs/rest.md). */
export function pageOf(item: z.ZodType): z.ZodType {
  return z.object({
    data: z.array(item),
    messages: z.array(z.string()),
    total: z.int(),
    page: z.int(),
    offset: z.int().meta({ description: 'Page size' }),
    itemsFound: z.int(),
    pages: z.int(),
    start: z.int().meta({ description: '1-based position of the first item on the page; 0 when empty' }),
    end: z.int().meta({ description: '1-based position of the last item on the page; 0 when empty' }),
  });
}
