import type { LookupKind, ProductLookup } from '../domain/lookup-key.js';
import type { ProductReference, ProductSource, ProductSummary } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';

/**
 * The products a tenant has registered, which lookups resolve against (docs/rest.md). The SQL adapter is
 * the default; a deployment may plug in one that asks its catalog service.
 */
export interface ProductDirectory {
  /** The product with its sources sorted by source, then sourceId (`compareSources`). */
  get(tenant: TenantId, id: number): Promise<ProductReference | undefined>;
  /**
   * Resolves many lookups of one kind in one round trip. The map is keyed by `lookupString` and
   * holds every matching product (none, one, or several when ambiguous).
   */
  resolve(tenant: TenantId, kind: LookupKind, lookups: readonly ProductLookup[]): Promise<ReadonlyMap<string, readonly ProductSummary[]>>;
  /** Which product owns each of these sources now, keyed by `sourceKey`. */
  sourceOwners(tenant: TenantId, sources: readonly ProductSource[]): Promise<ReadonlyMap<string, number>>;
  /**
   * Creates or replaces products (sources left out are removed) in one atomic step; returns the
   * ids that were new. Throws PRODUCT_SOURCE_CONFLICT if a source belongs to another product.
   */
  putMany(tenant: TenantId, products: readonly ProductReference[]): Promise<ReadonlySet<number>>;
  /**
   * Of these product ids, the ones that exist now. Inside a write transaction each one found is
   * held until the transaction ends: deleting it waits for that, so records written for it in the
   * same transaction can never outlive it (docs/decisions.md). A directory that asks a catalog
   * service, where no local delete can race, answers with every id.
   */
  holdExisting(tenant: TenantId, ids: readonly number[]): Promise<ReadonlySet<number>>;
  /** Deletes the product; inside a write transaction it waits for every transaction holding it. */
  delete(tenant: TenantId, id: number): Promise<boolean>;
}
