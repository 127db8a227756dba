/** Products 1…`products`, for `POST /v2/products/bulk`. */
export function productsBody(products: number): { products: { id: number; sku: string }[] } {
  return { products: Array.from({ length: products }, (_, index) => ({ id: index + 1, sku: `SKU-${index + 1}` })) };
}

/**
 * One bulk body of `products × warehouses` distinct records (every product in every warehouse),
 * each carrying `marker` in its notes so a test can count the batch's rows with SQL.
 */
export function batchBody(products: number, warehouses: number, marker: string): { inventory: Record<string, unknown>[] } {
  const inventory: Record<string, unknown>[] = [];
  for (let productId = 1; productId <= products; productId += 1) {
    for (let warehouseId = 1; warehouseId <= warehouses; warehouseId += 1) inventory.push({ productId, warehouseId, quantity: warehouseId, notes: marker });
  }
  return { inventory };
}
