import { LIMITS, textIssue, type BulkItemInput } from '@inventory/core';

type Rule = (value: unknown) => boolean;

const integer =
  (min: number, max: number): Rule =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
/** A string that fits in UTF-16 units fits in code points too; longer ones are left to zod. */
const text =
  (max: number): Rule =>
  (value) =>
    typeof value === 'string' && value.length <= max && textIssue(value) === undefined;
const anyText: Rule = (value) => typeof value === 'string' && textIssue(value) === undefined;

/** The rules of `bulkItemSchema`, field by field; `plain-bulk-item.spec.ts` holds them equal. */
const RULES = new Map<string, Rule>([
  ['productId', integer(1, LIMITS.idMax)],
  ['sourceId', text(LIMITS.sourceId)],
  ['source', text(LIMITS.source)],
  ['quantity', integer(LIMITS.quantity.min, LIMITS.quantity.max)],
  ['warehouseId', integer(0, LIMITS.idMax)],
  ['companyId', integer(0, LIMITS.idMax)],
  ['location', text(LIMITS.location)],
  ['supplier', text(LIMITS.supplier)],
  ['supplierCode', text(LIMITS.supplierCode)],
  ['sku', text(LIMITS.sku)],
  ['costPrice', (value) => typeof value === 'number' && Number.isFinite(value)],
  ['nextDeliveryDate', (value) => value === null || anyText(value)],
  ['notes', text(LIMITS.notes)],
  ['expectedVersion', integer(0, LIMITS.idMax)],
]);

/**
 * The bulk item itself when it is a plain JSON object that `bulkItemSchema` accepts as it is:
 * only known keys, each of the right type and within its limits. Anything else (the `id` alias,
 * a bad or unusual value) gives undefined, and the item goes through zod, which names the
 * problem. A bulk request holds thousands of items, nearly all of them plain: this check costs a
 * fraction of zod's parse and copies nothing.
 */
export function plainBulkItem(raw: unknown): BulkItemInput | undefined {
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return undefined;
  const item = raw as Record<string, unknown>;
  for (const key of Object.keys(item)) {
    const rule = RULES.get(key);
    if (rule === undefined || !rule(item[key])) return undefined;
  }
  return item;
}
