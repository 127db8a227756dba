import type { InventoryType, LookupKind } from '@inventory/core';

/** GraphQL input objects as the executor hands them over: optional fields may be absent or null. */
type Nullable<T> = { readonly [K in keyof T]?: T[K] | null };

interface StockFields {
  readonly warehouseId: number;
  readonly companyId: number;
  readonly location: string;
  readonly supplierCode: string;
  readonly costPrice: number;
  readonly nextDeliveryDate: string;
  readonly notes: string;
}

export type CreateInventoryArgs = Nullable<
  StockFields & { readonly productId: number; readonly lookupKey: LookupKind; readonly key: string; readonly source: string; readonly supplier: string; readonly sku: string }
> & { readonly type: InventoryType; readonly quantity: number };

export type UpdateInventoryArgs = Nullable<StockFields & { readonly quantity: number; readonly sku: string }>;

export type BulkItemArgs = Nullable<
  StockFields & { readonly productId: number; readonly sku: string; readonly sourceId: string; readonly source: string; readonly supplier: string; readonly quantity: number; readonly expectedVersion: number }
>;

export type SearchArgs = Nullable<{
  readonly productIds: readonly number[];
  readonly skus: readonly string[];
  readonly warehouseIds: readonly number[];
  readonly warehouseId: number;
  readonly locations: readonly string[];
  readonly location: string;
  readonly inventoryType: InventoryType;
  readonly suppliers: readonly string[];
  readonly companyIds: readonly number[];
  readonly modifiedSince: string;
  readonly page: number;
  readonly offset: number;
}>;

/** The given fields only: GraphQL null on an optional input field means "not given". */
export function givenFields<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null | undefined>;
  };
}
