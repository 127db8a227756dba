import type { InventoryRecord } from '../domain/inventory-record.js';
import type { ProductLookup } from '../domain/lookup-key.js';
import type { PageRequest } from '../domain/paging.js';
import type { ProductInventory } from '../domain/product-inventory.js';
import type { ProductInput, ProductReference } from '../domain/product-reference.js';
import type { TenantId } from '../domain/tenant.js';
import { bulkUpsertInventory, type BulkUpsertCommand } from './bulk-upsert-inventory.js';
import type { BulkItemResult } from './upsert-inventory-items.js';
import { createInventory, type CreateInventoryCommand } from './create-inventory.js';
import { deleteInventory } from './delete-inventory.js';
import { deleteProduct } from './delete-product.js';
import type { InventoryDeps } from './deps.js';
import { getInventory } from './get-inventory.js';
import { importInventoryCsv, type CsvImportOptions, type CsvImportResult } from './import-inventory-csv.js';
import { getProduct } from './get-product.js';
import { getProductInventory, type ProductInventoryQuery } from './get-product-inventory.js';
import { getProductsInventory } from './get-products-inventory.js';
import { putProduct, putProducts, type InvalidProductItem, type ProductItemResult } from './put-products.js';
import { searchProductInventory, type SearchInput, type SearchResult } from './search-product-inventory.js';
import { updateInventory, type InventoryPatch, type RecordChange } from './update-inventory.js';
import type { VersionCheck } from '../domain/version-check.js';
import type { MovementFilter, WriteOrigin } from '../domain/movement.js';
import { adjustInventory, type AdjustCommand, type AdjustmentResult } from './adjust-inventory.js';
import { listMovements, type MovementPage } from './list-movements.js';
import type { Hold } from '../domain/hold.js';
import { commitHold } from './commit-hold.js';
import { createHold, type CreateHoldCommand } from './create-hold.js';
import { extendHold } from './extend-hold.js';
import { getHold } from './get-hold.js';
import { listHolds, type HoldList, type HoldQuery } from './list-holds.js';
import { releaseHold } from './release-hold.js';

/**
 * Every operation of the contract bound to one set of ports: what the REST and GraphQL transports
 * call, so both answer with the same values.
 */
export class InventoryService {
  constructor(private readonly deps: InventoryDeps) {}

  getProductInventory(tenant: TenantId, query: ProductInventoryQuery): Promise<ProductInventory> {
    return getProductInventory(this.deps, tenant, query);
  }

  getProductsInventory(tenant: TenantId, productIds: readonly number[], warehouseId: number | undefined, withBalance: boolean): Promise<ProductInventory[]> {
    return getProductsInventory(this.deps, tenant, productIds, warehouseId, withBalance);
  }

  searchProductInventory(tenant: TenantId, input: SearchInput, page: PageRequest, withBalance: boolean): Promise<SearchResult> {
    return searchProductInventory(this.deps, tenant, input, page, withBalance);
  }

  getInventory(tenant: TenantId, id: number): Promise<InventoryRecord> {
    return getInventory(this.deps, tenant, id);
  }

  createInventory(tenant: TenantId, command: CreateInventoryCommand, origin?: WriteOrigin): Promise<InventoryRecord> {
    return createInventory(this.deps, tenant, command, origin);
  }

  updateInventory(tenant: TenantId, id: number, patch: InventoryPatch, check?: VersionCheck, origin?: WriteOrigin): Promise<RecordChange> {
    return updateInventory(this.deps, tenant, id, patch, check, origin);
  }

  deleteInventory(tenant: TenantId, id: number, check?: VersionCheck, origin?: WriteOrigin): Promise<InventoryRecord> {
    return deleteInventory(this.deps, tenant, id, check, origin);
  }

  bulkUpsertInventory(tenant: TenantId, command: BulkUpsertCommand, origin?: WriteOrigin): Promise<BulkItemResult[]> {
    return bulkUpsertInventory(this.deps, tenant, command, origin);
  }

  adjustInventory(tenant: TenantId, command: AdjustCommand, origin?: WriteOrigin): Promise<AdjustmentResult[]> {
    return adjustInventory(this.deps, tenant, command, origin);
  }

  listMovements(tenant: TenantId, filter: MovementFilter, limit: number): Promise<MovementPage> {
    return listMovements(this.deps, tenant, filter, limit);
  }

  getProduct(tenant: TenantId, lookup: ProductLookup): Promise<ProductReference> {
    return getProduct(this.deps, tenant, lookup);
  }

  putProduct(tenant: TenantId, input: ProductInput): Promise<{ product: ProductReference; created: boolean }> {
    return putProduct(this.deps, tenant, input);
  }

  putProducts(tenant: TenantId, items: readonly (ProductInput | InvalidProductItem)[]): Promise<ProductItemResult[]> {
    return putProducts(this.deps, tenant, items);
  }

  deleteProduct(tenant: TenantId, id: number): Promise<{ id: number }> {
    return deleteProduct(this.deps, tenant, id);
  }

  importInventoryCsv(tenant: TenantId, rows: AsyncIterable<readonly string[]>, options: CsvImportOptions): Promise<CsvImportResult> {
    return importInventoryCsv(this.deps, tenant, rows, options);
  }

  createHold(tenant: TenantId, command: CreateHoldCommand): Promise<Hold> {
    return createHold(this.deps, tenant, command);
  }

  getHold(tenant: TenantId, id: string): Promise<Hold> {
    return getHold(this.deps, tenant, id);
  }

  listHolds(tenant: TenantId, query: HoldQuery, page: PageRequest): Promise<HoldList> {
    return listHolds(this.deps, tenant, query, page);
  }

  commitHold(tenant: TenantId, id: string, origin?: WriteOrigin): Promise<Hold> {
    return commitHold(this.deps, tenant, id, origin);
  }

  releaseHold(tenant: TenantId, id: string): Promise<Hold> {
    return releaseHold(this.deps, tenant, id);
  }

  extendHold(tenant: TenantId, id: string, expiresIn: number): Promise<Hold> {
    return extendHold(this.deps, tenant, id, expiresIn);
  }

  get limits(): InventoryDeps['limits'] {
    return this.deps.limits;
  }
}
