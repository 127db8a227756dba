import type { BulkItem, LookupKind } from '@inventory/core';
import { toIssues } from '../errors/zod-issues.js';
import { exactOptional } from './exact-optional.js';
import { bulkItemSchema } from './bulk-item-schema.js';
import { plainBulkItem } from './plain-bulk-item.js';

/**
 * Reads one raw bulk item with the strict item schema; a plain valid item is taken as it is. A
 * malformed item becomes core's `InvalidBulkItem` (paths relative to the item) so it fails on its
 * own; `id` is accepted as an alias of `productId`.
 */
export function readBulkItem(raw: unknown, kind: LookupKind): BulkItem {
  const plain = plainBulkItem(raw);
  if (plain !== undefined) return plain;
  const item = withProductIdAlias(raw);
  const parsed = bulkItemSchema.safeParse(item);
  if (parsed.success) return exactOptional(parsed.data);
  const key = lookupValue(item, kind);
  return { invalid: toIssues(parsed.error), ...(key !== undefined && { key }) };
}

function withProductIdAlias(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('id' in raw)) return raw;
  const { id, ...rest } = raw;
  return 'productId' in rest ? raw : { ...rest, productId: id };
}

/** The item's lookup value as text, when it has a readable one, to name the item in its result. */
function lookupValue(item: unknown, kind: LookupKind): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const value: unknown = (item as Record<string, unknown>)[kind === 'id' ? 'productId' : kind];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
