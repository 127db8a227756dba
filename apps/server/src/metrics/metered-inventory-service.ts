import {
  InventoryService,
  type BulkItemResult,
  type BulkUpsertCommand,
  type CsvImportOptions,
  type CsvImportResult,
  type InventoryDeps,
  type InvalidProductItem,
  type ProductInput,
  type ProductItemResult,
  type TenantId,
  type WriteOrigin,
} from '@inventory/core';
import type { ServerMetrics } from './server-metrics.js';

/**
 * The core facade with item counts for `/metrics`: bulk items by result and CSV rows as they
 * stream in. Counting here rather than in a route covers every transport (REST, GraphQL, CSV
 * upload) with one piece of code, and changes no result.
 */
export class MeteredInventoryService extends InventoryService {
  constructor(
    deps: InventoryDeps,
    private readonly metrics: ServerMetrics,
  ) {
    super(deps);
  }

  // Every parameter passes through: an override that drops one (the origin) compiles, and writes the ledger without its client.
  override async bulkUpsertInventory(tenant: TenantId, command: BulkUpsertCommand, origin?: WriteOrigin): Promise<BulkItemResult[]> {
    const results = await super.bulkUpsertInventory(tenant, command, origin);
    this.countItems('inventory', results);
    return results;
  }

  override async putProducts(tenant: TenantId, items: readonly (ProductInput | InvalidProductItem)[]): Promise<ProductItemResult[]> {
    const results = await super.putProducts(tenant, items);
    this.countItems('products', results);
    return results;
  }

  override async importInventoryCsv(tenant: TenantId, rows: AsyncIterable<readonly string[]>, options: CsvImportOptions): Promise<CsvImportResult> {
    const result = await super.importInventoryCsv(tenant, this.countingRows(rows), options);
    if (!options.dryRun) this.metrics.csvRowsImported.inc(result.importedCount);
    return result;
  }

  private countItems(target: 'inventory' | 'products', results: readonly { readonly success: boolean }[]): void {
    const succeeded = results.filter((result) => result.success).length;
    this.metrics.bulkItems.inc({ target, result: 'success' }, succeeded);
    this.metrics.bulkItems.inc({ target, result: 'failure' }, results.length - succeeded);
  }

  /** Passes the rows through, counting each one after the header. */
  private async *countingRows(rows: AsyncIterable<readonly string[]>): AsyncIterable<readonly string[]> {
    let header = true;
    for await (const row of rows) {
      if (header) header = false;
      else this.metrics.csvRowsRead.inc();
      yield row;
    }
  }
}
