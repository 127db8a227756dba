import { z } from 'zod';
import { fields } from './field-schemas.js';

const sourceSchema = z.strictObject({ source: fields.source, sourceId: fields.sourceId });

const productFields = {
  sku: fields.sku.optional(),
  supplier: fields.supplier.optional().meta({ description: 'Default supplier of supplier stock' }),
  supplierCode: fields.supplierCode.optional(),
  costPrice: fields.costPrice.optional().meta({ description: 'Default cost price of new records (decimal(10,5))' }),
  sources: z.array(sourceSchema).optional().meta({ description: 'External ids; (source, sourceId) is unique per tenant' }),
};

/** PUT body: the whole reference (sources left out are removed); `id`, if given, must match the path. */
export const productBodySchema = z.strictObject({ id: fields.productId.optional(), ...productFields }).meta({ id: 'ProductReferenceInput' });

/** One item of `POST /v2/products/bulk`. */
export const productItemSchema = z.strictObject({ id: fields.productId, ...productFields }).meta({ id: 'ProductReferenceItem' });
