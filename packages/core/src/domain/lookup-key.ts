import { InventoryError, validationFailed } from './errors.js';
import { LIMITS } from './field-limits.js';
import { textIssue } from './value-rules.js';

/** How a client names a product: its id, its sku, an external source id, or a supplier's code (docs/rest.md). */
export type LookupKind = 'id' | 'sku' | 'sourceId' | 'supplierCode';
export const LOOKUP_KINDS: readonly LookupKind[] = ['id', 'sku', 'sourceId', 'supplierCode'];

/** One product lookup; `qualifier` is the source (sourceId) or the supplier (supplierCode), else ''. */
export interface ProductLookup {
  readonly kind: LookupKind;
  readonly key: string;
  readonly qualifier: string;
}

export function parseLookupKind(text: string): LookupKind {
  const kind = LOOKUP_KINDS.find((candidate) => candidate === text);
  if (kind === undefined) {
    throw new InventoryError('INVALID_LOOKUP_KEY', `Invalid lookup key '${text}': use one of ${LOOKUP_KINDS.join(', ')}`);
  }
  return kind;
}

/** The field a bulk item or query uses to qualify a lookup of this kind, if any. */
export function qualifierField(kind: LookupKind): 'source' | 'supplier' | undefined {
  if (kind === 'sourceId') return 'source';
  if (kind === 'supplierCode') return 'supplier';
  return undefined;
}

/** Checks one lookup's key and qualifier; throws VALIDATION_FAILED naming `key` or the qualifier. */
export function checkLookup(lookup: ProductLookup): ProductLookup {
  const issue = lookupIssue(lookup);
  if (issue !== undefined) throw validationFailed([issue], `Invalid ${lookup.kind} lookup`);
  return lookup;
}

export function lookupIssue(lookup: ProductLookup): { path: string; message: string } | undefined {
  const qualifier = qualifierField(lookup.kind);
  if (lookup.kind === 'id') {
    const id = Number(lookup.key);
    if (!/^\d+$/.test(lookup.key) || id < 1 || id > LIMITS.idMax) {
      return { path: 'key', message: 'must be a positive integer product id' };
    }
  } else if (lookup.key === '') {
    return { path: 'key', message: 'must not be empty' };
  }
  const keyIssue = textIssue(lookup.key);
  if (keyIssue !== undefined) return { path: 'key', message: keyIssue };
  if (qualifier !== undefined && lookup.qualifier === '') {
    return { path: qualifier, message: `is required with the ${lookup.kind} lookup key` };
  }
  const qualifierIssue = qualifier === undefined ? undefined : textIssue(lookup.qualifier);
  if (qualifier !== undefined && qualifierIssue !== undefined) return { path: qualifier, message: qualifierIssue };
  return undefined;
}

/** Equal for two lookups of the same kind exactly when they name the same thing. */
export function lookupString(lookup: Pick<ProductLookup, 'key' | 'qualifier'>): string {
  return `${lookup.qualifier}\u0000${lookup.key}`;
}
