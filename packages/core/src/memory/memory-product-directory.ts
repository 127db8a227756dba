import { InventoryError } from '../domain/errors.js';
import { lookupString, type LookupKind, type ProductLookup } from '../domain/lookup-key.js';
import { sourceKey, type ProductReference, type ProductSource, type ProductSummary } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import type { ProductDirectory } from '../ports/product-directory.js';
import { productKey, type MemoryState } from './memory-state.js';

/** The product directory in memory. */
export class MemoryProductDirectory implements ProductDirectory {
  constructor(private readonly state: MemoryState) {}

  get(tenant: TenantId, id: number): Promise<ProductReference | undefined> {
    return Promise.resolve(this.state.product(tenant, id));
  }

  resolve(tenant: TenantId, kind: LookupKind, lookups: readonly ProductLookup[]): Promise<ReadonlyMap<string, readonly ProductSummary[]>> {
    const wanted = new Set(lookups.map(lookupString));
    const found = new Map<string, ProductSummary[]>();
    const add = (key: string, product: ProductReference): void => {
      if (wanted.has(key)) found.set(key, [...(found.get(key) ?? []), summary(product)]);
    };
    for (const product of this.state.productsOf(tenant)) {
      if (kind === 'id') add(lookupString({ key: String(product.id), qualifier: '' }), product);
      if (kind === 'sku') add(lookupString({ key: product.sku, qualifier: '' }), product);
      if (kind === 'supplierCode') add(lookupString({ key: product.supplierCode, qualifier: product.supplier }), product);
      if (kind === 'sourceId') for (const source of product.sources) add(lookupString({ key: source.sourceId, qualifier: source.source }), product);
    }
    for (const matches of found.values()) matches.sort((a, b) => a.id - b.id);
    return Promise.resolve(found);
  }

  sourceOwners(tenant: TenantId, sources: readonly ProductSource[]): Promise<ReadonlyMap<string, number>> {
    const wanted = new Set(sources.map(sourceKey));
    const owners = new Map<string, number>();
    for (const product of this.state.productsOf(tenant)) {
      for (const source of product.sources) if (wanted.has(sourceKey(source))) owners.set(sourceKey(source), product.id);
    }
    return Promise.resolve(owners);
  }

  putMany(tenant: TenantId, products: readonly ProductReference[]): Promise<ReadonlySet<number>> {
    const replaced = new Set(products.map((product) => product.id));
    const owners = new Map<string, number>();
    for (const product of this.state.productsOf(tenant)) {
      if (!replaced.has(product.id)) for (const source of product.sources) owners.set(sourceKey(source), product.id);
    }
    for (const product of products) {
      for (const source of product.sources) {
        const owner = owners.get(sourceKey(source));
        if (owner !== undefined && owner !== product.id) {
          return Promise.reject(new InventoryError('PRODUCT_SOURCE_CONFLICT', `Source ${source.source}/${source.sourceId} belongs to another product`));
        }
        owners.set(sourceKey(source), product.id);
      }
    }
    const created = new Set<number>();
    for (const product of products) {
      if (this.state.product(tenant, product.id) === undefined) created.add(product.id);
      this.state.products.set(productKey(tenant, product.id), { tenant, value: product });
    }
    return Promise.resolve(created);
  }

  /** Units of work run one at a time here, so reading is holding. */
  holdExisting(tenant: TenantId, ids: readonly number[]): Promise<ReadonlySet<number>> {
    return Promise.resolve(new Set(ids.filter((id) => this.state.product(tenant, id) !== undefined)));
  }

  delete(tenant: TenantId, id: number): Promise<boolean> {
    return Promise.resolve(this.state.products.delete(productKey(tenant, id)));
  }
}

function summary({ id, sku, supplier, supplierCode, costPrice }: ProductReference): ProductSummary {
  return { id, sku, supplier, supplierCode, costPrice };
}
