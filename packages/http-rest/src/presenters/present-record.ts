import { decimal5ToNumber, type InventoryRecord } from '@inventory/core';
import type { z } from 'zod';
import type { recordSchema } from '../openapi/response-schemas.js';

/** An inventory record as JSON: cost price as a number, dates as canonical ISO strings. */
export type RecordJson = z.output<typeof recordSchema>;

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
    version: record.version,
  };
}
