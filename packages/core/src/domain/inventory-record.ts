import type { Decimal5 } from './decimal5.js';
import type { IsoInstant } from './instant.js';
import { LOCAL_SUPPLIER } from './field-limits.js';

export type InventoryType = 'local' | 'supplier';
export const INVENTORY_TYPES: readonly InventoryType[] = ['local', 'supplier'];

/** The fields that make a record unique within a tenant (docs/rest.md); strings compare exactly. */
export interface IdentityKey {
  readonly productId: number;
  readonly supplier: string;
  readonly supplierCode: string;
  readonly location: string;
  readonly warehouseId: number;
  readonly companyId: number;
}

/** Everything a record holds besides its id and timestamps. */
export interface InventoryValues extends IdentityKey {
  readonly quantity: number;
  readonly sku: string;
  readonly costPrice: Decimal5;
  readonly notes: string;
  readonly nextDeliveryDate: IsoInstant | null;
}

export interface InventoryRecord extends InventoryValues {
  readonly id: number;
  /** 1 at creation; every write that changes a field adds exactly 1 (docs/concurrency.md). */
  readonly version: number;
  readonly createdAt: IsoInstant;
  readonly lastModifiedAt: IsoInstant;
}

/** Fields a PATCH may change; the others are fixed for the record's life. */
export interface InventoryChanges {
  readonly quantity?: number;
  readonly costPrice?: Decimal5;
  readonly nextDeliveryDate?: IsoInstant | null;
  readonly notes?: string;
  readonly sku?: string;
  readonly supplierCode?: string;
  readonly location?: string;
  readonly warehouseId?: number;
  readonly companyId?: number;
}

export function inventoryTypeOf(record: Pick<IdentityKey, 'supplier'>): InventoryType {
  return record.supplier === LOCAL_SUPPLIER ? 'local' : 'supplier';
}

/** A string that is equal for two keys exactly when the keys are equal. */
export function identityKeyString(key: IdentityKey): string {
  return JSON.stringify([key.productId, key.supplier, key.supplierCode, key.location, key.warehouseId, key.companyId]);
}

/** Total order on identity keys, used to sort batch writes so concurrent batches cannot deadlock. */
export function compareIdentityKeys(a: IdentityKey, b: IdentityKey): number {
  return (
    a.productId - b.productId ||
    compareStrings(a.supplier, b.supplier) ||
    compareStrings(a.supplierCode, b.supplierCode) ||
    compareStrings(a.location, b.location) ||
    a.warehouseId - b.warehouseId ||
    a.companyId - b.companyId
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function pickIdentityKey(values: IdentityKey): IdentityKey {
  const { productId, supplier, supplierCode, location, warehouseId, companyId } = values;
  return { productId, supplier, supplierCode, location, warehouseId, companyId };
}
