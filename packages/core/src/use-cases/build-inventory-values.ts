import type { Issue } from '../domain/errors.js';
import { LOCAL_SUPPLIER } from '../domain/field-limits.js';
import type { CheckedInventoryFields, InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryType, InventoryValues } from '../domain/inventory-record.js';
import type { ProductLookup } from '../domain/lookup-key.js';
import type { ProductSummary } from '../domain/product-reference.js';

/**
 * A new record's complete values: the client's fields, the lookup's own value, then the product's
 * defaults. Local stock is always `INTERN`; supplier stock needs a supplier from the item, the
 * lookup or the product.
 */
export function buildInventoryValues(
  product: ProductSummary,
  type: InventoryType,
  lookup: ProductLookup,
  fields: InventoryFieldsInput & { readonly quantity: number },
  checked: CheckedInventoryFields,
): InventoryValues | Issue[] {
  const supplier = type === 'local' ? LOCAL_SUPPLIER : (fields.supplier ?? (lookup.kind === 'supplierCode' ? lookup.qualifier : product.supplier));
  if (supplier === '') return [{ path: 'supplier', message: 'is required: the product has no supplier' }];
  if (type === 'supplier' && supplier === LOCAL_SUPPLIER) {
    return [{ path: 'supplier', message: `${LOCAL_SUPPLIER} marks local stock; use the local inventory type` }];
  }
  return {
    productId: product.id,
    supplier,
    supplierCode: fields.supplierCode ?? (lookup.kind === 'supplierCode' ? lookup.key : ''),
    location: fields.location ?? '',
    warehouseId: fields.warehouseId ?? 0,
    companyId: fields.companyId ?? 0,
    quantity: fields.quantity,
    sku: fields.sku ?? (lookup.kind === 'sku' ? lookup.key : product.sku),
    costPrice: checked.costPrice ?? product.costPrice,
    notes: fields.notes ?? '',
    nextDeliveryDate: checked.nextDeliveryDate ?? null,
  };
}
