import { HOLD_REFERENCE_MAX, HOLD_STATUSES, LIMITS, LOOKUP_KINDS, MAX_HOLD_LINES, type CreateHoldCommand } from '@inventory/core';
import { z } from 'zod';
import { fields, text } from './field-schemas.js';
import { paging } from './paging-fields.js';
import { qualifierFor } from './product-lookup.js';

const expiresIn = z.int().min(1).meta({ description: 'Seconds from now, up to HOLD_MAX_SECONDS (default 604800); default 900' });

/** One line: the product by any lookup key (with its qualifier), how many, optionally which warehouse. */
const holdLineSchema = z.strictObject({
  lookupKey: z.enum(LOOKUP_KINDS),
  key: z.union([text(), z.int()]).meta({ description: 'The product id, sku, source id or supplier code' }),
  source: fields.source.optional().meta({ description: 'With lookupKey sourceId' }),
  supplier: fields.supplier.optional().meta({ description: 'With lookupKey supplierCode' }),
  quantity: z.int().min(1).max(LIMITS.quantity.max),
  warehouseId: fields.warehouseId.optional().meta({ description: 'Hold from this warehouse; without it, from the product as a whole (counting in no warehouse)' }),
});

export const createHoldSchema = z
  .strictObject({
    reference: text(HOLD_REFERENCE_MAX).min(1).meta({ description: 'The cart or order the stock is held for', example: 'cart-123' }),
    expiresIn: expiresIn.optional(),
    lines: z.array(holdLineSchema).min(1).max(MAX_HOLD_LINES),
  })
  .meta({ id: 'HoldCreate' });

export const extendHoldSchema = z.strictObject({ expiresIn }).meta({ id: 'HoldExtend' });

export const holdListQuerySchema = z.strictObject({
  reference: text(HOLD_REFERENCE_MAX).optional().meta({ description: 'Only holds with exactly this reference' }),
  status: z.enum(HOLD_STATUSES).optional().meta({ description: 'As the holds stand now: a lapsed active hold is expired' }),
  ...paging,
});

/** The core command of a checked body. */
export function holdCommand(body: z.output<typeof createHoldSchema>): CreateHoldCommand {
  return {
    reference: body.reference,
    ...(body.expiresIn !== undefined && { expiresIn: body.expiresIn }),
    lines: body.lines.map((line) => ({
      lookup: { kind: line.lookupKey, key: String(line.key), qualifier: qualifierFor(line.lookupKey, line) },
      quantity: line.quantity,
      ...(line.warehouseId !== undefined && { warehouseId: line.warehouseId }),
    })),
  };
}
