import { InventoryError, validationFailed, type Issue } from '../domain/errors.js';
import { LIMITS } from '../domain/field-limits.js';
import type { Hold, HoldLine } from '../domain/hold.js';
import { addSeconds } from '../domain/instant.js';
import { lookupIssue, lookupString, type ProductLookup } from '../domain/lookup-key.js';
import type { TenantId } from '../domain/tenant.js';
import { IssueCollector } from '../domain/value-rules.js';
import type { ProductDirectory } from '../ports/product-directory.js';
import type { InventoryDeps } from './deps.js';
import { checkHoldSeconds, HOLD_REFERENCE_MAX } from './hold-rules.js';

export const DEFAULT_HOLD_SECONDS = 900;
export const MAX_HOLD_LINES = 100;

export interface HoldLineInput {
  readonly lookup: ProductLookup;
  readonly quantity: number;
  readonly warehouseId?: number;
}

export interface CreateHoldCommand {
  readonly reference: string;
  /** Seconds from now; default 900 (or the configured maximum when that is shorter). */
  readonly expiresIn?: number;
  readonly lines: readonly HoldLineInput[];
}

/**
 * Sets stock aside for a cart or order: every line's product is resolved, then the store places
 * the hold only if all lines fit what is available (docs/holds.md), else INSUFFICIENT_STOCK names
 * each short line and nothing is held.
 */
export async function createHold(deps: InventoryDeps, tenant: TenantId, command: CreateHoldCommand): Promise<Hold> {
  const expiresIn = command.expiresIn ?? Math.min(DEFAULT_HOLD_SECONDS, deps.limits.holdMaxSeconds);
  checkCommand(command, expiresIn, deps.limits.holdMaxSeconds);
  const productIds = await resolveLines(deps.stores.products, tenant, command.lines);
  const lines: HoldLine[] = command.lines.map((line, index) => ({ productId: productIds[index] as number, warehouseId: line.warehouseId ?? null, quantity: line.quantity }));
  const now = deps.clock.now();
  const placement = await deps.holds.place(tenant, { reference: command.reference, expiresAt: addSeconds(now, expiresIn), lines }, now);
  if (placement.status === 'placed') return placement.hold;
  const details = placement.shortages.map(({ line, requested, available }) => ({ path: `lines.${line}`, message: `requested ${requested}, available ${available}` }));
  throw new InventoryError('INSUFFICIENT_STOCK', 'Not enough stock available to hold every line; nothing was held', details);
}

function checkCommand(command: CreateHoldCommand, expiresIn: number, maxSeconds: number): void {
  const check = new IssueCollector();
  check.maxLength('reference', command.reference, HOLD_REFERENCE_MAX);
  if (command.reference === '') check.add('reference', 'must not be empty');
  check.issues.push(...checkHoldSeconds(expiresIn, maxSeconds));
  if (command.lines.length < 1 || command.lines.length > MAX_HOLD_LINES) check.add('lines', `must have 1 to ${MAX_HOLD_LINES} lines`);
  command.lines.forEach((line, index) => {
    check.integer(`lines.${index}.quantity`, line.quantity, 1, LIMITS.quantity.max);
    check.id(`lines.${index}.warehouseId`, line.warehouseId, 0);
    const issue = lookupIssue(line.lookup);
    if (issue !== undefined) check.add(`lines.${index}.${issue.path}`, issue.message);
  });
  if (check.issues.length > 0) throw validationFailed(check.issues, 'Invalid hold');
}

/** The product id of every line, one directory round trip per lookup kind used. */
async function resolveLines(products: ProductDirectory, tenant: TenantId, lines: readonly HoldLineInput[]): Promise<number[]> {
  const kinds = [...new Set(lines.map((line) => line.lookup.kind))];
  const found = new Map(await Promise.all(kinds.map(async (kind) => [kind, await products.resolve(tenant, kind, lines.filter((line) => line.lookup.kind === kind).map((line) => line.lookup))] as const)));
  const missing: Issue[] = [];
  const ambiguous: Issue[] = [];
  const ids = lines.map((line, index) => {
    const matches = found.get(line.lookup.kind)?.get(lookupString(line.lookup)) ?? [];
    if (matches.length === 0) missing.push({ path: `lines.${index}`, message: `no product with ${line.lookup.kind} ${line.lookup.key}` });
    if (matches.length > 1) ambiguous.push({ path: `lines.${index}`, message: `several products with ${line.lookup.kind} ${line.lookup.key}` });
    return matches[0]?.id ?? 0;
  });
  if (missing.length > 0) throw new InventoryError('PRODUCT_NOT_FOUND', 'A line names no known product', missing);
  if (ambiguous.length > 0) throw new InventoryError('PRODUCT_MULTIPLE_FOUND', 'A line names several products', ambiguous);
  return ids;
}
