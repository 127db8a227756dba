import { tenantId, type InventoryFieldsInput, type InventoryRecord, type InventoryService, type InventoryType } from '@inventory/core';

export const TENANT_A = tenantId('tenant-a');
export const TENANT_B = tenantId('tenant-b');

/**
 * Products 1 (WIDGET-1, erp source 'E1', supplier ACME) and 2 (GADGET-2), with local and supplier
 * stock, a reserved record and a delivery date, all through the service's own use cases.
 */
export async function seedInventory(service: InventoryService, tenant = TENANT_A): Promise<{ readonly records: readonly InventoryRecord[] }> {
  await service.putProducts(tenant, [
    { id: 1, sku: 'WIDGET-1', supplier: 'ACME', supplierCode: 'AC-1', costPrice: 1.5, sources: [{ source: 'erp', sourceId: 'E1' }] },
    { id: 2, sku: 'GADGET-2', costPrice: 0.25 },
  ]);
  const create = (productId: number, type: InventoryType, fields: InventoryFieldsInput & { quantity: number }): Promise<InventoryRecord> =>
    service.createInventory(tenant, { lookup: { kind: 'id', key: String(productId), qualifier: '' }, type, fields });
  const records = [
    await create(1, 'local', { quantity: 10, warehouseId: 1, location: 'A-1', costPrice: 12345.67891, nextDeliveryDate: '2025-04-01' }),
    await create(1, 'local', { quantity: 5, warehouseId: 2 }),
    await create(1, 'supplier', { quantity: 7, supplierCode: 'AC-1', nextDeliveryDate: '2025-03-20T08:00:00+02:00' }),
    await create(1, 'local', { quantity: 3, warehouseId: 1, companyId: 9, notes: "O'Brien; DROP TABLE inventory;--" }),
    await create(2, 'local', { quantity: 4, warehouseId: 1 }),
  ];
  return { records };
}
