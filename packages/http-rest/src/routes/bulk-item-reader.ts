import type { BulkItem, InvalidBulkItem, LookupKind } from '@inventory/core';
import type { z } from 'zod';
import { toIssues } from '../errors/zod-issues.js';
import { exactOptional, type ExactOptional } from './exact-optional.js';
import { bulkItemSchema } from './bulk-item-schema.js';
import { plainBulkItem } from './plain-bulk-item.js';

/** Reads one raw bulk item: a plain valid item is taken as it is, any other goes through the strict schema. */
export function readBulkItem(raw: unknown, kind: LookupKind): BulkItem {
  return plainBulkItem(raw) ?? readStrictItem(bulkItemSchema, raw, kind);
}

/**
 * Reads one raw item of a many-item request with its strict schema: a malformed one becomes
 * core's `InvalidBulkItem` (paths relative to the item, named by its lookup value when readable),
 * so it fails on its own; `id` is folded into `productId` as its alias, not both.
 */
export function readStrictItem<T extends object>(schema: z.ZodType<T>, raw: unknown, kind: LookupKind): Omit<ExactOptional<T>, 'id'> | InvalidBulkItem {
  const parsed = schema.safeParse(raw);
  const key = lookupValue(raw, kind);
  const invalid = (issues: InvalidBulkItem['invalid']): InvalidBulkItem => ({ invalid: issues, ...(key !== undefined && { key }) });
  if (!parsed.success) return invalid(toIssues(parsed.error));
  const { id, ...item } = exactOptional(parsed.data) as ExactOptional<T> & { readonly id?: number; readonly productId?: number };
  if (id === undefined) return item;
  if (item.productId !== undefined) return invalid([{ path: 'id', message: 'is an alias of productId: give one of the two' }]);
  return { ...item, productId: id };
}

/** The item's lookup value as text, when it has a readable one, to name the item in its result. */
function lookupValue(item: unknown, kind: LookupKind): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const fields = item as Record<string, unknown>;
  const value = kind === 'id' ? (fields['productId'] ?? fields['id']) : fields[kind];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
