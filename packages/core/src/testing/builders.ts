import { parseDecimal5, type Decimal5 } from '../domain/decimal5.js';
import { LOCAL_SUPPLIER } from '../domain/field-limits.js';
import { parseIsoInstant, type IsoInstant } from '../domain/instant.js';
import type { InventoryValues } from '../domain/inventory-record.js';
import { compareSources, type ProductReference, type ProductSource } from '../domain/product-reference.js';
import { tenantId } from '../domain/tenant.js';

export const TENANT_A = tenantId('tenant-a');
export const TENANT_B = tenantId('tenant-b');

export function decimal(text: string): Decimal5 {
  const parsed = parseDecimal5(text);
  if (typeof parsed === 'string') throw new RangeError(`${text}: ${parsed}`);
  return parsed;
}

export function instant(text: string): IsoInstant {
  const parsed = parseIsoInstant(text);
  if (parsed === undefined) throw new RangeError(`not an instant: ${text}`);
  return parsed;
}

/** Builds record values: `aRecord().withQuantity(5).inWarehouse(2).build()`. */
export class RecordBuilder {
  private values: InventoryValues = {
    productId: 1,
    supplier: LOCAL_SUPPLIER,
    supplierCode: '',
    location: '',
    warehouseId: 0,
    companyId: 0,
    quantity: 10,
    sku: 'SKU-1',
    costPrice: decimal('0'),
    notes: '',
    nextDeliveryDate: null,
  };

  forProduct(productId: number): this {
    return this.with({ productId });
  }
  withQuantity(quantity: number): this {
    return this.with({ quantity });
  }
  inWarehouse(warehouseId: number): this {
    return this.with({ warehouseId });
  }
  atLocation(location: string): this {
    return this.with({ location });
  }
  fromSupplier(supplier: string, supplierCode = ''): this {
    return this.with({ supplier, supplierCode });
  }
  reservedFor(companyId: number): this {
    return this.with({ companyId });
  }
  costing(costPrice: string): this {
    return this.with({ costPrice: decimal(costPrice) });
  }
  deliveringOn(date: string | null): this {
    return this.with({ nextDeliveryDate: date === null ? null : instant(date) });
  }
  withSku(sku: string): this {
    return this.with({ sku });
  }
  withNotes(notes: string): this {
    return this.with({ notes });
  }
  build(): InventoryValues {
    return this.values;
  }

  private with(changes: Partial<InventoryValues>): this {
    this.values = { ...this.values, ...changes };
    return this;
  }
}

export function aRecord(): RecordBuilder {
  return new RecordBuilder();
}

/** Builds product references: `aProduct(7).withSku('W-7').withSource('erp', '7').build()`. */
export class ProductBuilder {
  private product: ProductReference;

  constructor(id: number) {
    this.product = { id, sku: `SKU-${id}`, supplier: '', supplierCode: '', costPrice: decimal('0'), sources: [] };
  }

  withSku(sku: string): this {
    return this.with({ sku });
  }
  suppliedBy(supplier: string, supplierCode = ''): this {
    return this.with({ supplier, supplierCode });
  }
  costing(costPrice: string): this {
    return this.with({ costPrice: decimal(costPrice) });
  }
  withSource(source: string, sourceId: string): this {
    const sources: ProductSource[] = [...this.product.sources, { source, sourceId }];
    return this.with({ sources });
  }
  build(): ProductReference {
    return { ...this.product, sources: [...this.product.sources].sort(compareSources) };
  }

  private with(changes: Partial<ProductReference>): this {
    this.product = { ...this.product, ...changes };
    return this;
  }
}

export function aProduct(id: number): ProductBuilder {
  return new ProductBuilder(id);
}
