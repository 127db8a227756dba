import { validationFailed } from '../domain/errors.js';
import { checkInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryRecord, InventoryType } from '../domain/inventory-record.js';
import type { ProductLookup } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import type { WriteOrigin } from '../domain/movement.js';
import { buildInventoryValues } from './build-inventory-values.js';
import type { InventoryDeps } from './deps.js';
import { productNotFound, resolveProduct } from './resolve-product.js';

export interface CreateInventoryCommand {
  readonly lookup: ProductLookup;
  readonly type: InventoryType;
  readonly fields: InventoryFieldsInput & { readonly quantity: number };
}

/** Creates one record for a product named by any lookup key; a taken identity key is a conflict. */
export async function createInventory(deps: InventoryDeps, tenant: TenantId, command: CreateInventoryCommand, origin?: WriteOrigin): Promise<InventoryRecord> {
  const checked = checkInventoryFields(command.fields);
  if (checked.issues.length > 0) throw validationFailed(checked.issues);
  const product = await resolveProduct(deps.stores.products, tenant, command.lookup);
  const values = buildInventoryValues(product, command.type, command.lookup, command.fields, checked);
  if (Array.isArray(values)) throw validationFailed(values);
  return deps.unitOfWork.run(async (stores) => {
    // Resolved before the transaction: hold the product, so a delete cannot slip in before the write.
    if (!(await stores.products.holdExisting(tenant, [product.id])).has(product.id)) throw productNotFound(command.lookup);
    return stores.inventory.create(tenant, values, deps.clock.now(), origin);
  });
}
