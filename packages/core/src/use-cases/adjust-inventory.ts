import { InventoryError, type ErrorCode, type Issue } from '../domain/errors.js';
import { LIMITS } from '../domain/field-limits.js';
import { checkInventoryFields, type InventoryFieldsInput } from '../domain/inventory-input.js';
import { compareIdentityKeys, identityKeyString, type InventoryType } from '../domain/inventory-record.js';
import { lookupIssue, lookupString, qualifierField, type LookupKind, type ProductLookup } from '../domain/lookup-key.js';
import { ADJUSTMENT_REASONS, EMBEDDED_ORIGIN, type AdjustmentReason, type WriteOrigin } from '../domain/movement.js';
import type { TenantId } from '../domain/tenant.js';
import type { AdjustmentOutcome, AdjustmentRow } from '../ports/inventory-repository.js';
import type { InventoryDeps } from './deps.js';
import { isItemFailure, resolveAll, valuesOfItem } from './resolve-lookups.js';
import { lookupField, type BulkItemError, type InvalidBulkItem } from './upsert-inventory-items.js';

/** One adjustment as a client sends it (types checked at the edge): the record's identity fields and a delta. */
export interface AdjustmentItemInput extends Omit<InventoryFieldsInput, 'quantity' | 'sku' | 'costPrice' | 'nextDeliveryDate' | 'notes'> {
  readonly productId?: number;
  readonly sku?: string;
  readonly sourceId?: string;
  readonly source?: string;
  readonly delta?: number;
  readonly reason?: string;
  readonly reference?: string;
  readonly expectedVersion?: number;
  readonly allowNegative?: boolean;
}

export type AdjustmentItem = AdjustmentItemInput | InvalidBulkItem;

export interface AdjustCommand {
  readonly kind: LookupKind;
  readonly type: InventoryType;
  /** The source or supplier for every item that does not carry its own. */
  readonly qualifier?: string;
  readonly items: readonly AdjustmentItem[];
  /** All or nothing: any failing item fails the whole request and nothing is written. */
  readonly atomic: boolean;
}

export type AdjustmentResult =
  | {
      readonly index: number;
      readonly success: true;
      readonly action: 'create' | 'update';
      readonly changed: true;
      readonly id: number;
      readonly quantity: number;
      readonly version: number;
      readonly movementId: number;
      readonly lookupKey: LookupKind;
      readonly key: string | null;
    }
  | { readonly index: number; readonly success: false; readonly lookupKey: LookupKind; readonly key: string | null; readonly error: BulkItemError };

interface Pending {
  readonly index: number;
  readonly key: string;
  readonly row: AdjustmentRow;
}

/**
 * Adds deltas to records (docs/ledger.md): each item is validated and resolved on its own, the
 * database computes every new quantity inside its write, items on one record apply in request
 * order (one set-based round per position), and every applied item appends its movement. With
 * `atomic`, a failing item fails the request with its error, details naming every failing item,
 * and the transaction rolls back.
 */
export async function adjustInventory(deps: InventoryDeps, tenant: TenantId, command: AdjustCommand, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<AdjustmentResult[]> {
  if (command.items.length > deps.limits.bulkMaxItems) throw new InventoryError('PAYLOAD_TOO_LARGE', `An adjustment request takes at most ${deps.limits.bulkMaxItems} items`);
  const results = new Array<AdjustmentResult | undefined>(command.items.length);
  const fail = (index: number, key: string | null, code: ErrorCode, message: string, details: readonly Issue[] = []): void => {
    results[index] = { index, success: false, lookupKey: command.kind, key, error: { code, message, details } };
  };
  const pending = await readAdjustments(deps, tenant, command, fail);
  const now = deps.clock.now();
  await deps.unitOfWork.run(async (stores) => {
    // Products were resolved before the transaction: hold them, so a delete cannot slip in before the write.
    const existing = await stores.products.holdExisting(tenant, pending.map(({ row }) => row.values.productId));
    const held = pending.filter(({ index, key, row }) => {
      if (existing.has(row.values.productId)) return true;
      fail(index, key, 'PRODUCT_NOT_FOUND', `Product ${row.values.productId} no longer exists`);
      return false;
    });
    for (const round of rounds(held)) {
      const outcomes = await stores.inventory.adjustMany(tenant, round.map(({ row }) => row), now, origin);
      round.forEach(({ index, key, row }, position) => {
        const outcome = outcomes[position];
        if (outcome === undefined) throw new Error('repository returned fewer adjustment outcomes than rows');
        if (outcome.status === 'applied') {
          const { id, quantity, version, movementId, created } = outcome;
          results[index] = { index, success: true, action: created ? 'create' : 'update', changed: true, id, quantity, version, movementId, lookupKey: command.kind, key };
        } else fail(index, key, ...refusal(outcome, row));
      });
    }
    if (command.atomic) {
      const failed = results.filter((result): result is Extract<AdjustmentResult, { success: false }> => result?.success === false);
      const first = failed[0];
      if (first !== undefined) throw atomicFailure(first.error, failed);
    }
  });
  for (const [index, result] of results.entries()) if (result === undefined) throw new Error(`adjustment ${index} got no result`);
  return results as AdjustmentResult[];
}

/** Items on the same record go in successive rounds, so each sees the one before it; rounds are key-sorted. */
function rounds(pending: readonly Pending[]): Pending[][] {
  const seen = new Map<string, number>();
  const byRound: Pending[][] = [];
  for (const item of pending) {
    const key = identityKeyString(item.row.values);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (byRound[round] ??= []).push(item);
  }
  return byRound.map((round) => round.sort((a, b) => compareIdentityKeys(a.row.values, b.row.values)));
}

function refusal(outcome: Exclude<AdjustmentOutcome, { status: 'applied' }>, row: AdjustmentRow): [ErrorCode, string, Issue[]] {
  switch (outcome.status) {
    case 'insufficient':
      return ['INSUFFICIENT_STOCK', `Insufficient stock: the quantity is ${outcome.quantity}, the delta ${row.delta}`, [{ path: 'delta', message: `current quantity is ${outcome.quantity}, delta is ${row.delta}` }]];
    case 'out-of-range':
      return ['VALIDATION_FAILED', 'Validation failed', [{ path: 'delta', message: `the quantity would be ${outcome.quantity + row.delta}, outside ${LIMITS.quantity.min} … ${LIMITS.quantity.max}` }]];
    case 'version-conflict':
      return ['VERSION_CONFLICT', `Expected version ${row.expectedVersion ?? 0}, but the record is at version ${outcome.version}`, [{ path: 'expectedVersion', message: `current version is ${outcome.version}` }]];
  }
}

function atomicFailure(first: BulkItemError, failed: readonly Extract<AdjustmentResult, { success: false }>[]): InventoryError {
  const details = failed.flatMap((result) => {
    const issues = result.error.details.length > 0 ? result.error.details : [{ path: '', message: result.error.message }];
    return issues.map((issue) => ({ path: `adjustments.${result.index}${issue.path === '' ? '' : `.${issue.path}`}`, message: issue.message }));
  });
  return new InventoryError(first.code, `${failed.length} of the adjustments failed; nothing was written`, details);
}

/** Validates and resolves every item; the valid ones become rows, the others fail on their own. */
async function readAdjustments(deps: InventoryDeps, tenant: TenantId, command: AdjustCommand, fail: (index: number, key: string | null, code: ErrorCode, message: string, details?: readonly Issue[]) => void): Promise<Pending[]> {
  const readable: { index: number; lookup: ProductLookup; lookupText: string; item: AdjustmentItemInput; delta: number; reason: AdjustmentReason }[] = [];
  command.items.forEach((item, index) => {
    if ('invalid' in item) {
      fail(index, item.key ?? null, 'VALIDATION_FAILED', 'Validation failed', item.invalid);
      return;
    }
    const field = lookupField(command.kind);
    const value = item[field];
    if (value === undefined) {
      fail(index, null, 'LOOKUP_KEY_MISSING', `Item has no ${field} for the ${command.kind} lookup key`);
      return;
    }
    const key = String(value);
    const qualifierName = qualifierField(command.kind);
    const lookup: ProductLookup = { kind: command.kind, key, qualifier: (qualifierName === undefined ? undefined : item[qualifierName]) ?? command.qualifier ?? '' };
    const issues = [...checkInventoryFields(item).issues, ...adjustmentIssues(item)];
    const badLookup = lookupIssue(lookup);
    if (badLookup !== undefined) issues.push({ ...badLookup, path: badLookup.path === 'key' ? field : badLookup.path });
    if (issues.length > 0 || item.delta === undefined) {
      fail(index, key, 'VALIDATION_FAILED', 'Validation failed', issues);
      return;
    }
    readable.push({ index, lookup, lookupText: lookupString(lookup), item, delta: item.delta, reason: item.reason as AdjustmentReason });
  });
  const products = await resolveAll(deps, tenant, readable);
  const pending: Pending[] = [];
  for (const { index, lookup, lookupText, item, delta, reason } of readable) {
    const values = valuesOfItem(products(lookup, lookupText), command.type, lookup, { ...item, quantity: delta }, { issues: [] });
    if (isItemFailure(values)) {
      fail(index, lookup.key, values.code, values.message, values.details);
      continue;
    }
    const { expectedVersion, allowNegative = false, reference = '' } = item;
    pending.push({ index, key: lookup.key, row: { values, delta, note: { reason, reference }, allowNegative, ...(expectedVersion !== undefined && { expectedVersion }) } });
  }
  return pending;
}

function adjustmentIssues(item: AdjustmentItemInput): Issue[] {
  const issues: Issue[] = [];
  const { delta, reason, reference, expectedVersion } = item;
  if (delta === undefined) issues.push({ path: 'delta', message: 'is required' });
  else if (!Number.isSafeInteger(delta) || delta === 0 || Math.abs(delta) > LIMITS.quantity.max) issues.push({ path: 'delta', message: `must be a non-zero integer of at most ${LIMITS.quantity.max} either way` });
  if (reason === undefined) issues.push({ path: 'reason', message: 'is required' });
  else if (!(ADJUSTMENT_REASONS as readonly string[]).includes(reason)) issues.push({ path: 'reason', message: `must be one of ${ADJUSTMENT_REASONS.join(', ')}` });
  if (reference !== undefined && reference.length > LIMITS.reference) issues.push({ path: 'reference', message: `must be at most ${LIMITS.reference} characters` });
  if (expectedVersion !== undefined && !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0)) issues.push({ path: 'expectedVersion', message: 'must be an integer of at least 0' });
  return issues;
}
