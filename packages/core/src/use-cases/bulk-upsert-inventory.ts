import { InventoryError, type ErrorCode, type Issue } from '../domain/errors.js';
import { checkInventoryFields, type CheckedInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import { compareIdentityKeys, identityKeyString, type InventoryType } from '../domain/inventory-record.js';
import { lookupIssue, lookupString, qualifierField, type LookupKind, type ProductLookup } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import type { InventoryUpsert, UpsertField } from '../ports/inventory-repository.js';
import { buildInventoryValues } from './build-inventory-values.js';
import type { InventoryDeps } from './deps.js';
import { singleMatch } from './resolve-product.js';

/** One bulk item with the JS types checked at the edge; its lookup field depends on the lookup kind. */
export interface BulkItemInput extends InventoryFieldsInput {
  readonly productId?: number;
  readonly sourceId?: string;
  readonly source?: string;
}

/** An item the edge could not read (wrong types, unknown keys); it fails on its own. */
export interface InvalidBulkItem {
  readonly invalid: readonly Issue[];
  readonly key?: string;
}

export type BulkItem = BulkItemInput | InvalidBulkItem;

export interface BulkUpsertCommand {
  readonly kind: LookupKind;
  readonly type: InventoryType;
  /** The source or supplier for every item that does not carry its own. */
  readonly qualifier?: string;
  readonly items: readonly BulkItem[];
}

export interface BulkItemError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: readonly Issue[];
}

export type BulkItemResult =
  | { readonly index: number; readonly success: true; readonly action: 'create' | 'update'; readonly id: number; readonly lookupKey: LookupKind; readonly key: string | null }
  | { readonly index: number; readonly success: false; readonly lookupKey: LookupKind; readonly key: string | null; readonly error: BulkItemError };

interface PendingRow {
  upsert: InventoryUpsert;
  /** The items merged into this row, in request order. */
  readonly items: { readonly index: number; readonly key: string }[];
}

const OVERWRITABLE: readonly UpsertField[] = ['costPrice', 'nextDeliveryDate', 'notes'];

/**
 * Upserts many records on their identity key: each item is validated and resolved on its own, items
 * sharing a key are merged in request order (the last wins), and every valid item is written in
 * one transaction. Results come back one per item, in request order.
 */
export async function bulkUpsertInventory(deps: InventoryDeps, tenant: TenantId, command: BulkUpsertCommand): Promise<BulkItemResult[]> {
  if (command.items.length > deps.limits.bulkMaxItems) {
    throw new InventoryError('PAYLOAD_TOO_LARGE', `A bulk request takes at most ${deps.limits.bulkMaxItems} items`);
  }
  const results = Array.from<BulkItemResult | undefined>({ length: command.items.length });
  const fail = (index: number, key: string | null, code: ErrorCode, message: string, details: readonly Issue[] = []): void => {
    results[index] = { index, success: false, lookupKey: command.kind, key, error: { code, message, details } };
  };

  const readable = readItems(command, fail);
  const found = await deps.stores.products.resolve(tenant, command.kind, distinctLookups(readable.map((item) => item.lookup)));
  const rows = new Map<string, PendingRow>();
  for (const { index, lookup, fields, checked } of readable) {
    const key = lookup.key;
    const matches = found.get(lookupString(lookup)) ?? [];
    let product;
    try {
      product = singleMatch(lookup, matches);
    } catch (error) {
      if (!(error instanceof InventoryError)) throw error;
      fail(index, key, error.code, error.message);
      continue;
    }
    const values = buildInventoryValues(product, command.type, lookup, fields, checked);
    if (Array.isArray(values)) {
      fail(index, key, 'VALIDATION_FAILED', 'Validation failed', values);
      continue;
    }
    const upsert: InventoryUpsert = { values, overwrite: OVERWRITABLE.filter((field) => fields[field] !== undefined) };
    mergeRow(rows, identityKeyString(values), upsert, { index, key });
  }

  const pending = [...rows.values()].sort((a, b) => compareIdentityKeys(a.upsert.values, b.upsert.values));
  const outcomes =
    pending.length === 0
      ? []
      : await deps.unitOfWork.run((stores) => stores.inventory.upsertMany(tenant, pending.map((row) => row.upsert), deps.clock.now()));
  pending.forEach((row, rowIndex) => {
    const outcome = outcomes[rowIndex];
    if (outcome === undefined) throw new Error('repository returned fewer outcomes than rows');
    row.items.forEach(({ index, key }, position) => {
      const action = outcome.created && position === 0 ? 'create' : 'update';
      results[index] = { index, success: true, action, id: outcome.id, lookupKey: command.kind, key };
    });
  });
  return results.map((result, index) => {
    if (result === undefined) throw new Error(`bulk item ${index} got no result`);
    return result;
  });
}

interface ReadableItem {
  readonly index: number;
  readonly lookup: ProductLookup;
  readonly fields: InventoryFieldsInput & { readonly quantity: number };
  readonly checked: CheckedInventoryFields;
}

/** Keeps the items whose shape, lookup field and values are valid; fails the others. */
function readItems(
  command: BulkUpsertCommand,
  fail: (index: number, key: string | null, code: ErrorCode, message: string, details?: readonly Issue[]) => void,
): ReadableItem[] {
  const readable: ReadableItem[] = [];
  command.items.forEach((item, index) => {
    if ('invalid' in item) {
      fail(index, item.key ?? null, 'VALIDATION_FAILED', 'Validation failed', item.invalid);
      return;
    }
    const key = lookupValue(command.kind, item);
    if (key === undefined) {
      fail(index, null, 'LOOKUP_KEY_MISSING', `Item has no ${lookupField(command.kind)} for the ${command.kind} lookup key`);
      return;
    }
    const qualifier = qualifierOf(command, item);
    const lookup: ProductLookup = { kind: command.kind, key, qualifier };
    const checked = checkInventoryFields(item);
    const issues = [...checked.issues];
    const badLookup = lookupIssue(lookup);
    if (badLookup !== undefined) issues.push({ ...badLookup, path: badLookup.path === 'key' ? lookupField(command.kind) : badLookup.path });
    if (item.quantity === undefined) issues.push({ path: 'quantity', message: 'is required' });
    if (issues.length > 0 || item.quantity === undefined) {
      fail(index, key, 'VALIDATION_FAILED', 'Validation failed', issues);
      return;
    }
    readable.push({ index, lookup, fields: { ...item, quantity: item.quantity }, checked });
  });
  return readable;
}

function mergeRow(rows: Map<string, PendingRow>, keyString: string, upsert: InventoryUpsert, item: PendingRow['items'][number]): void {
  const existing = rows.get(keyString);
  if (existing === undefined) {
    rows.set(keyString, { upsert, items: [item] });
    return;
  }
  const given = Object.fromEntries(upsert.overwrite.map((field) => [field, upsert.values[field]]));
  existing.upsert = {
    values: { ...existing.upsert.values, quantity: upsert.values.quantity, sku: existing.upsert.values.sku, ...given },
    overwrite: OVERWRITABLE.filter((field) => existing.upsert.overwrite.includes(field) || upsert.overwrite.includes(field)),
  };
  existing.items.push(item);
}

function lookupField(kind: LookupKind): 'productId' | 'sku' | 'sourceId' | 'supplierCode' {
  return kind === 'id' ? 'productId' : kind;
}

function lookupValue(kind: LookupKind, item: BulkItemInput): string | undefined {
  const value = item[lookupField(kind)];
  return value === undefined ? undefined : String(value);
}

function qualifierOf(command: BulkUpsertCommand, item: BulkItemInput): string {
  const field = qualifierField(command.kind);
  return (field === undefined ? undefined : item[field]) ?? command.qualifier ?? '';
}

function distinctLookups(lookups: readonly ProductLookup[]): ProductLookup[] {
  return [...new Map(lookups.map((lookup) => [lookupString(lookup), lookup])).values()];
}
