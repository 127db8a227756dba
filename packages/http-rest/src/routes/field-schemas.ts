import { INVENTORY_TYPES, LIMITS, LOOKUP_KINDS, textIssue, validationFailed } from '@inventory/core';
import { z } from 'zod';

/**
 * Text as the stores can keep it, by core's one text rule (no NUL, no lone surrogate), refused
 * here with a path instead of failing in the database or being stored altered.
 */
export function text(maxLength?: number): z.ZodString {
  const base = z.string().check((context) => {
    const issue = textIssue(context.value);
    if (issue !== undefined) context.issues.push({ code: 'custom', message: issue, input: context.value });
  });
  return maxLength === undefined ? base : base.max(maxLength);
}

/**
 * Field shapes shared by the request schemas. They check JS types and document the contract's
 * limits; the value rules themselves (decimal(10,5), ISO dates, identity) are core's, which
 * reports them with the same paths.
 */
export const fields = {
  quantity: z.int().min(LIMITS.quantity.min).max(LIMITS.quantity.max).meta({ description: 'Absolute stock (never a delta); negative = oversold' }),
  productId: z.int().min(1).max(LIMITS.idMax),
  warehouseId: z.int().min(0).max(LIMITS.idMax).meta({ description: '0 = no warehouse' }),
  companyId: z.int().min(0).max(LIMITS.idMax).meta({ description: '0 = none; non-zero = stock reserved for that company' }),
  location: text(LIMITS.location),
  supplier: text(LIMITS.supplier),
  supplierCode: text(LIMITS.supplierCode),
  sku: text(LIMITS.sku),
  notes: text(LIMITS.notes),
  source: text(LIMITS.source),
  sourceId: text(LIMITS.sourceId),
  costPrice: z.number().meta({ description: 'decimal(10,5): at most 5 integer and 5 fraction digits, stored exactly', example: 12.99 }),
  nextDeliveryDate: text().nullable().meta({ description: 'ISO 8601 date or date-time; null = none', example: '2025-08-01T00:00:00.000Z' }),
  expectedVersion: z.int().min(0).max(LIMITS.idMax).meta({ description: 'The version the record must have before this write; 0 = it must not exist yet. A mismatch fails the item with 13011 VersionConflict.' }),
  isoDate: text().meta({ description: 'ISO 8601 date or date-time', example: '2025-01-15T10:30:00.000Z' }),
} as const;

/** The record fields a client may give when creating or upserting (docs/rest.md), all optional. */
export const inventoryFieldsShape = {
  quantity: fields.quantity.optional(),
  warehouseId: fields.warehouseId.optional(),
  companyId: fields.companyId.optional(),
  location: fields.location.optional(),
  supplier: fields.supplier.optional(),
  supplierCode: fields.supplierCode.optional(),
  sku: fields.sku.optional(),
  costPrice: fields.costPrice.optional(),
  nextDeliveryDate: fields.nextDeliveryDate.optional(),
  notes: fields.notes.optional(),
};

/** Path segments checked by core (400 10006 / 13001), documented here with their values. */
export const lookupKeyParam = z.string().meta({ description: 'How the product is named (case-sensitive)', enum: [...LOOKUP_KINDS] });
export const inventoryTypeParam = z.string().meta({ description: 'local (supplier INTERN) or supplier stock (case-sensitive)', enum: [...INVENTORY_TYPES] });
export const productKeyParam = text().meta({ description: 'The product id, sku, source id or supplier code' });
export const integerParam = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a non-negative integer')
  .transform(Number)
  .meta({ type: 'integer' });

/** `?source=` / `?supplier=` qualify `sourceId` / `supplierCode` lookups. */
export const qualifierQueryShape = {
  source: fields.source.optional().meta({ description: 'The source a sourceId belongs to (sourceId lookups)' }),
  supplier: fields.supplier.optional().meta({ description: 'The supplier a supplierCode belongs to (supplierCode lookups)' }),
};

export const EXPAND_BALANCE = 'inventoryBalance';

/** `expands=inventoryBalance` (comma-separated, or a JSON array in a body). */
export const expandsSchema = z
  .union([text(), z.array(text())])
  .meta({ description: `Comma-separated extras; \`${EXPAND_BALANCE}\` adds the records as \`balance\``, example: EXPAND_BALANCE });

/** Whether `expands` asks for the balance; an unknown value is 400 10007 naming `expands`. */
export function wantsBalance(value: string | readonly string[] | undefined): boolean {
  const words = (typeof value === 'string' ? value.split(',') : (value ?? [])).map((word) => word.trim()).filter((word) => word !== '');
  const unknown = words.find((word) => word !== EXPAND_BALANCE);
  if (unknown !== undefined) throw validationFailed([{ path: 'expands', message: `must be ${EXPAND_BALANCE}` }], `Unknown expand '${unknown}'`);
  return words.length > 0;
}
