import { z } from 'zod';
import { fields, inventoryFieldsShape } from './field-schemas.js';

/**
 * One bulk item (docs/rest.md): the lookup field for the path's key (`productId`, alias `id`; `sku`;
 * `sourceId` + `source`; `supplierCode` + `supplier`), then the record fields. Which lookup field
 * is required depends on the path, so core reports a missing one (10016); `quantity` too.
 */
export const bulkItemSchema = z
  .strictObject({
    productId: fields.productId.optional().meta({ description: 'Lookup field for `id` (alias: `id`)' }),
    id: fields.productId.optional().meta({ description: 'Alias of `productId`; an item gives one of the two' }),
    sourceId: fields.sourceId.optional().meta({ description: 'Lookup field for `sourceId`' }),
    source: fields.source.optional().meta({ description: 'The source of `sourceId` (default: `?source=`)' }),
    ...inventoryFieldsShape,
    quantity: fields.quantity.optional().meta({ description: 'Required. Absolute stock (never a delta)' }),
    expectedVersion: fields.expectedVersion.optional(),
  })
  .meta({ id: 'BulkInventoryItem' });
