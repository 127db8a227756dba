import {
  pageRequest,
  validationFailed,
  type AdjustmentItem,
  type BulkItem,
  type CreateInventoryCommand,
  type InventoryPatch,
  type LookupKind,
  type MovementFilter,
  type PageRequest,
  type ProductLookup,
  type SearchInput,
} from '@inventory/core';
import type { AdjustmentItemInput, BulkInventoryItemInput, CreateInventoryInput, InventorySearchInput, MovementFilter as MovementFilterInput, UpdateInventoryInput } from '../schema/schema-types.generated.js';
import { givenFields } from './given-fields.js';

/** The lookup a `lookupKey` + `key` pair names; `source` qualifies sourceId, `supplier` supplierCode. */
export function productLookup(kind: LookupKind, key: string, source: string | undefined, supplier: string | undefined): ProductLookup {
  return { kind, key, qualifier: lookupQualifier(kind, source, supplier) ?? '' };
}

/** The argument that qualifies this kind of lookup, if the kind takes one. */
export function lookupQualifier(kind: LookupKind, source: string | undefined, supplier: string | undefined): string | undefined {
  return kind === 'sourceId' ? source : kind === 'supplierCode' ? supplier : undefined;
}

/** A create names its product by `productId`, or by `lookupKey` and `key`; never both. */
export function createCommand(args: CreateInventoryInput): CreateInventoryCommand {
  const { type, quantity, ...rest } = args;
  const { productId, lookupKey, key, source, ...fields } = givenFields(rest);
  let lookup: ProductLookup;
  if (productId !== undefined && lookupKey === undefined && key === undefined) {
    lookup = { kind: 'id', key: String(productId), qualifier: '' };
  } else if (productId === undefined && lookupKey !== undefined && key !== undefined) {
    lookup = productLookup(lookupKey, key, source, fields.supplier);
  } else {
    throw validationFailed([{ path: 'productId', message: 'give either productId, or lookupKey and key' }]);
  }
  return { lookup, type, fields: { ...fields, quantity } };
}

/** Fields left out stay untouched; only nextDeliveryDate may be null (it clears the date). */
export function inventoryPatch(args: UpdateInventoryInput): InventoryPatch {
  const nulls = Object.entries(args).filter(([field, value]) => value === null && field !== 'nextDeliveryDate');
  if (nulls.length > 0) throw validationFailed(nulls.map(([field]) => ({ path: field, message: 'must not be null' })));
  return { ...givenFields(args), ...(args.nextDeliveryDate === null && { nextDeliveryDate: null }) };
}

export function bulkItems(items: readonly BulkInventoryItemInput[]): BulkItem[] {
  return items.map((item) => givenFields(item));
}

export function adjustmentItems(items: readonly AdjustmentItemInput[]): AdjustmentItem[] {
  return items.map((item) => givenFields(item));
}

const MAX_MOVEMENTS = 1000;

/** The ledger filter and page size, checked as REST checks its query (BAD_USER_INPUT naming the argument). */
export function movementsQuery(filter: MovementFilterInput | null | undefined, after: number | null | undefined, limit: number | null | undefined): { readonly filter: MovementFilter; readonly limit: number } {
  const size = limit ?? 100;
  const issues = [
    ...(Number.isInteger(size) && size >= 1 && size <= MAX_MOVEMENTS ? [] : [{ path: 'limit', message: `must be 1…${MAX_MOVEMENTS}` }]),
    ...(after === null || after === undefined || after >= 0 ? [] : [{ path: 'after', message: 'must be at least 0' }]),
  ];
  if (issues.length > 0) throw validationFailed(issues);
  // The DateTime scalar has already read `from` and `to` as canonical instants (codegen types them as plain strings).
  const given = givenFields(filter ?? {}) as Omit<MovementFilter, 'after'>;
  return { filter: { ...given, ...(after !== null && after !== undefined && { after }) }, limit: size };
}

/** The search filters and page; the singular `warehouseId` and `location` join their lists, as in REST. */
export function searchQuery(args: InventorySearchInput, maxPageSize: number): { readonly input: SearchInput; readonly page: PageRequest } {
  const { page, offset, warehouseId, location, warehouseIds, locations, ...filters } = givenFields(args);
  const allWarehouses = join(warehouseIds, warehouseId);
  const allLocations = join(locations, location);
  return {
    input: { ...filters, ...(allWarehouses !== undefined && { warehouseIds: allWarehouses }), ...(allLocations !== undefined && { locations: allLocations }) },
    page: pageRequest(page, offset, maxPageSize),
  };
}

function join<T>(list: readonly T[] | undefined, single: T | undefined): readonly T[] | undefined {
  if (single === undefined) return list;
  return [...(list ?? []), single];
}
