import type { ErrorCode, Issue } from '../domain/errors.js';
import { checkInventoryFields, type CheckedInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import type { InventoryType } from '../domain/inventory-record.js';
import { lookupIssue, lookupString, qualifierField, type LookupKind, type ProductLookup } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import { EMBEDDED_ORIGIN, type WriteOrigin } from '../domain/movement.js';
import type { InventoryUpsert, UpsertConflict, UpsertOutcome } from '../ports/inventory-repository.js';
import type { InventoryDeps } from './deps.js';
import { mergeByKey, overwriteOf, type Candidate } from './merge-upsert-rows.js';
import { isItemFailure, resolveAll, valuesOfItem } from './resolve-lookups.js';
import { productNotFound } from './resolve-product.js';
import { upsertHeldRows, type ProductGone } from './upsert-held-rows.js';

/** One bulk item with the JS types checked at the edge; its lookup field depends on the lookup kind. */
export interface BulkItemInput extends InventoryFieldsInput {
  readonly productId?: number;
  readonly sourceId?: string;
  readonly source?: string;
  /** The version the record must have before this request; 0 = it must not exist yet. */
  readonly expectedVersion?: number;
}

/** An item the edge could not read (wrong types, unknown keys); it fails on its own. */
export interface InvalidBulkItem {
  readonly invalid: readonly Issue[];
  readonly key?: string;
}

export type BulkItem = BulkItemInput | InvalidBulkItem;

/** An item with its own lookup kind and inventory type (a CSV row), or all alike (a bulk request). */
export interface UpsertItem {
  readonly kind: LookupKind;
  readonly type: InventoryType;
  /** The source or supplier when the item does not carry its own. */
  readonly qualifier?: string;
  readonly item: BulkItem;
}

export interface BulkItemError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: readonly Issue[];
}

export type BulkItemResult =
  | { readonly index: number; readonly success: true; readonly action: 'create' | 'update'; readonly changed: boolean; readonly id: number; readonly lookupKey: LookupKind; readonly key: string | null }
  | { readonly index: number; readonly success: false; readonly lookupKey: LookupKind; readonly key: string | null; readonly error: BulkItemError };

interface ReadableItem {
  readonly index: number;
  readonly type: InventoryType;
  readonly lookup: ProductLookup;
  /** `lookupString(lookup)`, computed once per item. */
  readonly lookupText: string;
  readonly fields: BulkItemInput & { readonly quantity: number };
  readonly checked: CheckedInventoryFields;
}

type RowOutcome = UpsertOutcome | UpsertConflict | ProductGone;

/** Thrown inside a dry run's transaction to roll it back once the outcomes are known. */
class DryRunRollback extends Error {
  constructor(readonly outcomes: RowOutcome[]) {
    super('dry run');
  }
}

/**
 * Upserts records on their identity key: each item is validated and resolved on its own (one
 * directory query per lookup kind), items sharing a key merge in request order (the last wins),
 * and every valid item is written in one transaction. A dry run writes the same way and rolls
 * back, so it reports exactly what would happen. Results come one per item, in request order.
 */
export async function upsertInventoryItems(deps: InventoryDeps, tenant: TenantId, items: readonly UpsertItem[], dryRun = false, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<BulkItemResult[]> {
  const results = new Array<BulkItemResult | undefined>(items.length);
  const fail = (index: number, key: string | null, code: ErrorCode, message: string, details: readonly Issue[] = []): void => {
    results[index] = { index, success: false, lookupKey: items[index]?.kind ?? 'id', key, error: { code, message, details } };
  };

  const readable = readItems(items, fail);
  const products = await resolveAll(deps, tenant, readable);
  const candidates: Candidate[] = [];
  for (const { index, type, lookup, lookupText, fields, checked } of readable) {
    const values = valuesOfItem(products(lookup, lookupText), type, lookup, fields, checked);
    if (isItemFailure(values)) {
      fail(index, lookup.key, values.code, values.message, values.details);
      continue;
    }
    const { expectedVersion } = fields;
    candidates.push({ upsert: { values, overwrite: overwriteOf(fields), ...(expectedVersion !== undefined && { expectedVersion }) }, item: { index, key: lookup.key, kind: lookup.kind } });
  }

  const pending = mergeByKey(candidates);
  const outcomes = await write(deps, tenant, pending.map((row) => row.upsert), dryRun, origin);
  let lookups: ReadonlyMap<number, ProductLookup> | undefined;
  pending.forEach((row, rowIndex) => {
    const outcome = outcomes[rowIndex];
    if (outcome === undefined) throw new Error('repository returned fewer outcomes than rows');
    row.items.forEach(({ index, key, kind }, position) => {
      if ('productGone' in outcome) {
        lookups ??= new Map(readable.map((item) => [item.index, item.lookup]));
        const error = productNotFound(lookups.get(index) ?? { kind, key, qualifier: '' });
        fail(index, key, error.code, error.message);
        return;
      }
      if ('conflictVersion' in outcome) {
        const expected = row.upsert.expectedVersion ?? 0;
        fail(index, key, 'VERSION_CONFLICT', `Expected version ${expected}, but the record is at version ${outcome.conflictVersion}`, [{ path: 'expectedVersion', message: `current version is ${outcome.conflictVersion}` }]);
        return;
      }
      const action = outcome.created && position === 0 ? 'create' : 'update';
      results[index] = { index, success: true, action, changed: outcome.changed, id: outcome.id, lookupKey: kind, key };
    });
  });
  for (let index = 0; index < results.length; index += 1) {
    if (results[index] === undefined) throw new Error(`item ${index} got no result`);
  }
  return results as BulkItemResult[];
}

async function write(deps: InventoryDeps, tenant: TenantId, upserts: readonly InventoryUpsert[], dryRun: boolean, origin: WriteOrigin): Promise<RowOutcome[]> {
  if (upserts.length === 0) return [];
  const now = deps.clock.now();
  if (!dryRun) return deps.unitOfWork.run((stores) => upsertHeldRows(stores, tenant, upserts, now, origin));
  try {
    await deps.unitOfWork.run(async (stores) => {
      throw new DryRunRollback(await upsertHeldRows(stores, tenant, upserts, now, origin));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcomes;
    throw error;
  }
  throw new Error('a dry run must roll back');
}

/** Keeps the items whose shape, lookup field and values are valid; fails the others. */
function readItems(items: readonly UpsertItem[], fail: (index: number, key: string | null, code: ErrorCode, message: string, details?: readonly Issue[]) => void): ReadableItem[] {
  const readable: ReadableItem[] = [];
  items.forEach(({ kind, type, qualifier, item }, index) => {
    if ('invalid' in item) {
      fail(index, item.key ?? null, 'VALIDATION_FAILED', 'Validation failed', item.invalid);
      return;
    }
    const key = lookupValue(kind, item);
    if (key === undefined) {
      fail(index, null, 'LOOKUP_KEY_MISSING', `Item has no ${lookupField(kind)} for the ${kind} lookup key`);
      return;
    }
    const qualifierName = qualifierField(kind);
    const lookup: ProductLookup = { kind, key, qualifier: (qualifierName === undefined ? undefined : item[qualifierName]) ?? qualifier ?? '' };
    const checked = checkInventoryFields(item);
    const badLookup = lookupIssue(lookup);
    const badVersion = item.expectedVersion !== undefined && !(Number.isSafeInteger(item.expectedVersion) && item.expectedVersion >= 0);
    if (checked.issues.length > 0 || badLookup !== undefined || badVersion || !hasQuantity(item)) {
      const issues = [...checked.issues];
      if (badVersion) issues.push({ path: 'expectedVersion', message: 'must be an integer of at least 0' });
      const lookupPath = badLookup?.path === 'key' ? lookupField(kind) : badLookup?.path;
      // sku, supplierCode and supplier are record fields too: their text rule may have spoken already
      if (badLookup !== undefined && !issues.some((issue) => issue.path === lookupPath)) issues.push({ ...badLookup, path: lookupPath ?? badLookup.path });
      if (item.quantity === undefined) issues.push({ path: 'quantity', message: 'is required' });
      fail(index, key, 'VALIDATION_FAILED', 'Validation failed', issues);
      return;
    }
    readable.push({ index, type, lookup, lookupText: lookupString(lookup), fields: item, checked });
  });
  return readable;
}

function hasQuantity(item: BulkItemInput): item is BulkItemInput & { readonly quantity: number } {
  return item.quantity !== undefined;
}

/** The item field that carries the lookup value for a lookup kind (`id` is read as `productId`). */
export function lookupField(kind: LookupKind): 'productId' | 'sku' | 'sourceId' | 'supplierCode' {
  return kind === 'id' ? 'productId' : kind;
}

function lookupValue(kind: LookupKind, item: BulkItemInput): string | undefined {
  const value = item[lookupField(kind)];
  return value === undefined ? undefined : String(value);
}
