import { decimal5ToNumber, type InventoryRecord } from '@inventory/core';

/** An inventory record as JSON (§1.1): cost price as a number, dates as canonical ISO strings. */
export interface RecordJson {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly supplier: string;
  readonly supplierCode: string;
  readonly sku: string;
  readonly warehouseId: number;
  readonly companyId: number;
  readonly location: string;
  readonly costPrice: number;
  readonly notes: string;
  readonly nextDeliveryDate: string | null;
  readonly createdAt: string;
  readonly lastModifiedAt: string;
}

export function presentRecord(record: InventoryRecord): RecordJson {
  return {
    id: record.id,
    productId: record.productId,
    quantity: record.quantity,
    supplier: record.supplier,
    supplierCode: record.supplierCode,
    sku: record.sku,
    warehouseId: record.warehouseId,
    companyId: record.companyId,
    location: record.location,
    costPrice: decimal5ToNumber(record.costPrice),
    notes: record.notes,
    nextDeliveryDate: record.nextDeliveryDate,
    createdAt: record.createdAt,
    lastModifiedAt: record.lastModifiedAt,
  };
}
