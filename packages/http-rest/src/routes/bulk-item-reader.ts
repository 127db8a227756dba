import type { BulkItem, LookupKind } from '@inventory/core';
import { toIssues } from '../errors/zod-issues.js';
import { exactOptional } from './exact-optional.js';
import { bulkItemSchema } from './bulk-item-schema.js';
import { plainBulkItem } from './plain-bulk-item.js';

/**
 * Reads one raw bulk item with the strict item schema (the one the OpenAPI document shows); a
 * plain valid item is taken as it is. A malformed item becomes core's `InvalidBulkItem` (paths
 * relative to the item) so it fails on its own; `id` is an alias of `productId`, not both.
 */
export function readBulkItem(raw: unknown, kind: LookupKind): BulkItem {
  const plain = plainBulkItem(raw);
  if (plain !== undefined) return plain;
  const parsed = bulkItemSchema.safeParse(raw);
  const key = lookupValue(raw, kind);
  if (!parsed.success) return { invalid: toIssues(parsed.error), ...(key !== undefined && { key }) };
  const { id, ...item } = exactOptional(parsed.data);
  if (id === undefined) return item;
  if (item.productId !== undefined) return { invalid: [{ path: 'id', message: 'is an alias of productId: give one of the two' }], ...(key !== undefined && { key }) };
  return { ...item, productId: id };
}

/** The item's lookup value as text, when it has a readable one, to name the item in its result. */
function lookupValue(item: unknown, kind: LookupKind): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const fields = item as Record<string, unknown>;
  const value = kind === 'id' ? (fields['productId'] ?? fields['id']) : fields[kind];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
