import type { InventoryService, ProductInventory, TenantId } from '@inventory/core';
import DataLoader from 'dataloader';

/**
 * Per-request batching of `Product.inventory`: every product asked for with the same warehouse
 * and balance option in one tick is answered by one `getProductsInventory` call, however many
 * entity representations a gateway sends.
 */
export class ProductInventoryLoader {
  private readonly loaders = new Map<string, DataLoader<number, ProductInventory>>();

  constructor(
    private readonly service: InventoryService,
    private readonly tenant: TenantId,
  ) {}

  load(productId: number, warehouseId: number | undefined, withBalance: boolean): Promise<ProductInventory> {
    const key = `${warehouseId ?? '*'}:${withBalance}`;
    let loader = this.loaders.get(key);
    if (loader === undefined) {
      loader = new DataLoader((ids: readonly number[]) => this.service.getProductsInventory(this.tenant, ids, warehouseId, withBalance));
      this.loaders.set(key, loader);
    }
    return loader.load(productId);
  }
}
