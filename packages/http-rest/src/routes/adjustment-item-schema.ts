import { ADJUSTMENT_REASONS, LIMITS } from '@inventory/core';
import { z } from 'zod';
import { fields, text } from './field-schemas.js';

/**
 * One adjustment item (docs/ledger.md): the lookup field for the path's key and the record's
 * identity fields exactly as a bulk item, then the delta and why. Which lookup field is required
 * depends on the path, so core reports a missing one (10016); `delta` and `reason` too, so that a
 * malformed item fails on its own with every path named.
 */
export const adjustmentItemSchema = z
  .strictObject({
    productId: fields.productId.optional().meta({ description: 'Lookup field for `id` (alias: `id`)' }),
    id: fields.productId.optional().meta({ description: 'Alias of `productId`; an item gives one of the two' }),
    sku: fields.sku.optional().meta({ description: 'Lookup field for `sku`' }),
    sourceId: fields.sourceId.optional().meta({ description: 'Lookup field for `sourceId`' }),
    source: fields.source.optional().meta({ description: 'The source of `sourceId` (default: `?source=`)' }),
    supplierCode: fields.supplierCode.optional().meta({ description: 'Lookup field for `supplierCode`; otherwise part of the identity (default "")' }),
    supplier: fields.supplier.optional().meta({ description: 'Supplier type: default the product’s supplier; local stock is always INTERN' }),
    warehouseId: fields.warehouseId.optional(),
    location: fields.location.optional(),
    companyId: fields.companyId.optional(),
    delta: z
      .int()
      .min(-LIMITS.quantity.max)
      .max(LIMITS.quantity.max)
      .refine((delta) => delta !== 0, 'must not be 0')
      .optional()
      .meta({ description: 'Required. The change of quantity, non-zero; the database adds it inside the write' }),
    reason: z.enum(ADJUSTMENT_REASONS).optional().meta({ description: 'Required. Why the quantity changes; recorded on the movement' }),
    reference: text(LIMITS.reference).optional().meta({ description: 'Recorded on the movement, e.g. an order id' }),
    expectedVersion: fields.expectedVersion.optional(),
    allowNegative: z.boolean().optional().meta({ description: 'Allow a result below zero (oversold); default false → 13010 InsufficientStock' }),
  })
  .meta({ id: 'AdjustmentItem' });
