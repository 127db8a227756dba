/**
 * Builders for request bodies, so each test states only what matters to it:
 * `aProduct(7).withSku('W-7').suppliedBy('ACME').json()`, `anItem().bySku('W-7').withQuantity(5).json()`.
 */
type Json = Record<string, unknown>;

export class ProductBodyBuilder {
  private body: Json;

  constructor(readonly id: number) {
    this.body = { id, sku: `SKU-${id}` };
  }

  withSku(sku: string): this {
    return this.with({ sku });
  }
  suppliedBy(supplier: string, supplierCode?: string): this {
    return this.with({ supplier, ...(supplierCode !== undefined && { supplierCode }) });
  }
  costing(costPrice: number): this {
    return this.with({ costPrice });
  }
  withSource(source: string, sourceId: string): this {
    const sources = [...((this.body['sources'] as Json[] | undefined) ?? []), { source, sourceId }];
    return this.with({ sources });
  }
  with(fields: Json): this {
    this.body = { ...this.body, ...fields };
    return this;
  }
  json(): Json {
    return { ...this.body };
  }
  /** The body for `PUT /v2/products/id/{id}` (the id is in the path). */
  putBody(): Json {
    const { id: _id, ...rest } = this.body;
    return rest;
  }
}

export function aProduct(id: number): ProductBodyBuilder {
  return new ProductBodyBuilder(id);
}

export class ItemBuilder {
  private body: Json = { quantity: 1 };

  forProduct(productId: number): this {
    return this.with({ productId });
  }
  bySku(sku: string): this {
    return this.with({ sku });
  }
  bySourceId(sourceId: string, source?: string): this {
    return this.with({ sourceId, ...(source !== undefined && { source }) });
  }
  bySupplierCode(supplierCode: string, supplier?: string): this {
    return this.with({ supplierCode, ...(supplier !== undefined && { supplier }) });
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
  reservedFor(companyId: number): this {
    return this.with({ companyId });
  }
  fromSupplier(supplier: string, supplierCode?: string): this {
    return this.with({ supplier, ...(supplierCode !== undefined && { supplierCode }) });
  }
  costing(costPrice: number): this {
    return this.with({ costPrice });
  }
  deliveringOn(nextDeliveryDate: string | null): this {
    return this.with({ nextDeliveryDate });
  }
  withNotes(notes: string): this {
    return this.with({ notes });
  }
  with(fields: Json): this {
    this.body = { ...this.body, ...fields };
    return this;
  }
  without(field: string): this {
    const { [field]: _dropped, ...rest } = this.body;
    this.body = rest;
    return this;
  }
  json(): Json {
    return { ...this.body };
  }
}

/** A bulk item / create body with quantity 1 and nothing else until told. */
export function anItem(): ItemBuilder {
  return new ItemBuilder();
}
