import {
  compareSources,
  lookupString,
  sourceKey,
  type LookupKind,
  type ProductDirectory,
  type ProductLookup,
  type ProductReference,
  type ProductSource,
  type ProductSummary,
  type TenantId,
} from '@inventory/core';
import { forEachChunk } from '../sql/chunk-sizes.js';
import { isStorableId } from '../sql/inventory-row.js';
import { storableProductId } from '../sql/lookup-sql.js';
import type { SqlExecutor, SqlRow } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

const SUMMARY = 'p.id, p.sku, p.supplier, p.supplier_code, p.cost_price';
const CHUNK = 256;

/** The product directory in SQL: every lookup of a call in one query, every statement filtered by tenant. */
export class SqlProductDirectory implements ProductDirectory {
  constructor(private readonly executor: SqlExecutor) {}

  async get(tenant: TenantId, id: number): Promise<ProductReference | undefined> {
    if (!isStorableId(id)) return undefined;
    const params = new SqlParams(this.executor.dialect);
    const sql = `SELECT ${SUMMARY}, s.source, s.source_id FROM products p LEFT JOIN product_sources s ON s.tenant = p.tenant AND s.product_id = p.id WHERE p.tenant = ${params.text(tenant)} AND p.id = ${params.int(id)}`;
    const rows = await this.executor.all(sql, params.values);
    const [first] = rows;
    if (first === undefined) return undefined;
    const sources = rows.filter((row) => row['source'] !== null).map((row) => ({ source: row['source'] as string, sourceId: row['source_id'] as string }));
    return { ...this.summary(first), sources: sources.sort(compareSources) };
  }

  async resolve(tenant: TenantId, kind: LookupKind, lookups: readonly ProductLookup[]): Promise<ReadonlyMap<string, readonly ProductSummary[]>> {
    const found = new Map<string, ProductSummary[]>();
    const query = this.resolveQuery(tenant, kind, lookups);
    if (query === undefined) return found;
    const dialect = this.executor.dialect;
    for (const row of await this.executor.rows(query.sql, query.params)) {
      const key = query.keyOf(row);
      const summary: ProductSummary = { id: row[0] as number, sku: row[1] as string, supplier: row[2] as string, supplierCode: row[3] as string, costPrice: dialect.readCost(row[4]) };
      const list = found.get(key);
      if (list === undefined) found.set(key, [summary]);
      else list.push(summary);
    }
    return found;
  }

  async sourceOwners(tenant: TenantId, sources: readonly ProductSource[]): Promise<ReadonlyMap<string, number>> {
    if (sources.length === 0) return new Map();
    const params = new SqlParams(this.executor.dialect);
    const pairs = sources.map((source): [string, string] => [source.source, source.sourceId]);
    const sql = `SELECT source, source_id, product_id FROM product_sources WHERE tenant = ${params.text(tenant)} AND ${params.inPairs('source', 'source_id', pairs)}`;
    const rows = await this.executor.all(sql, params.values);
    return new Map(rows.map((row) => [sourceKey({ source: row['source'] as string, sourceId: row['source_id'] as string }), row['product_id'] as number]));
  }

  /** Upserts the products in id order, then replaces their sources; a taken source is PRODUCT_SOURCE_CONFLICT. */
  async putMany(tenant: TenantId, products: readonly ProductReference[]): Promise<ReadonlySet<number>> {
    const latest = [...new Map(products.map((product) => [product.id, product])).values()].sort((a, b) => a.id - b.id);
    const created = new Set<number>();
    if (latest.length === 0) return created;
    await forEachChunk(latest, CHUNK, async (chunk) => {
      const params = new SqlParams(this.executor.dialect);
      const rows = chunk.map((p) => `(${params.text(tenant)}, ${params.int(p.id)}, ${params.text(p.sku)}, ${params.text(p.supplier)}, ${params.text(p.supplierCode)}, ${params.cost(p.costPrice)})`);
      const sql = `INSERT INTO products (tenant, id, sku, supplier, supplier_code, cost_price) VALUES ${rows.join(', ')} ON CONFLICT (tenant, id) DO UPDATE SET sku = excluded.sku, supplier = excluded.supplier, supplier_code = excluded.supplier_code, cost_price = excluded.cost_price, version = products.version + 1 RETURNING id, version`;
      for (const row of await this.executor.all(sql, params.values)) if (row['version'] === 1) created.add(row['id'] as number);
    });
    await this.deleteSources(tenant, latest.map((product) => product.id));
    const sources = latest.flatMap((product) => product.sources.map((source) => ({ ...source, productId: product.id }))).sort(compareSources);
    await forEachChunk(sources, CHUNK, async (chunk) => {
      const params = new SqlParams(this.executor.dialect);
      const rows = chunk.map((s) => `(${params.text(tenant)}, ${params.text(s.source)}, ${params.text(s.sourceId)}, ${params.int(s.productId)})`);
      await this.executor.run(`INSERT INTO product_sources (tenant, source, source_id, product_id) VALUES ${rows.join(', ')}`, params.values, 'PRODUCT_SOURCE_CONFLICT');
    });
    return created;
  }

  /**
   * One statement in id order (so two writers holding overlapping products cannot deadlock). On
   * PostgreSQL the rows are locked `FOR KEY SHARE`: a delete waits, a product edit does not.
   */
  async holdExisting(tenant: TenantId, ids: readonly number[]): Promise<ReadonlySet<number>> {
    const storable = [...new Set(ids)].filter(isStorableId);
    if (storable.length === 0) return new Set();
    const params = new SqlParams(this.executor.dialect);
    const sql = `SELECT id FROM products WHERE tenant = ${params.text(tenant)} AND ${params.inList('id', storable, 'int')} ORDER BY id${this.executor.dialect.holdKeys}`;
    return new Set((await this.executor.rows(sql, params.values)).map((row) => row[0] as number));
  }

  /**
   * The product row goes first, its sources by the foreign key's cascade: locking the product
   * before its sources is the order `putMany` takes them in, so the two cannot deadlock.
   */
  async delete(tenant: TenantId, id: number): Promise<boolean> {
    if (!isStorableId(id)) return false;
    const params = new SqlParams(this.executor.dialect);
    return (await this.executor.run(`DELETE FROM products WHERE tenant = ${params.text(tenant)} AND id = ${params.int(id)}`, params.values)) > 0;
  }

  private async deleteSources(tenant: TenantId, productIds: readonly number[]): Promise<void> {
    const params = new SqlParams(this.executor.dialect);
    await this.executor.run(`DELETE FROM product_sources WHERE tenant = ${params.text(tenant)} AND ${params.inList('product_id', productIds, 'int')}`, params.values);
  }

  /**
   * One query for every lookup of a kind, its rows read as arrays (SUMMARY's columns first);
   * `keyOf` gives the `lookupString` of the lookup each row answers.
   */
  private resolveQuery(tenant: TenantId, kind: LookupKind, lookups: readonly ProductLookup[]): { sql: string; params: unknown[]; keyOf: (row: readonly unknown[]) => string } | undefined {
    if (lookups.length === 0) return undefined;
    const params = new SqlParams(this.executor.dialect);
    const pairs = (): [string, string][] => lookups.map((lookup) => [lookup.qualifier, lookup.key]);
    const keyOf = (key: number, qualifier?: number) => (row: readonly unknown[]) => lookupString({ key: String(row[key]), qualifier: qualifier === undefined ? '' : (row[qualifier] as string) });
    switch (kind) {
      case 'id': {
        const ids = [...new Set(lookups.map((lookup) => storableProductId(lookup.key)))].filter((id) => id !== undefined);
        if (ids.length === 0) return undefined;
        const sql = `SELECT ${SUMMARY} FROM products p WHERE p.tenant = ${params.text(tenant)} AND ${params.inList('p.id', ids, 'int')} ORDER BY p.id`;
        return { sql, params: params.values, keyOf: keyOf(0) };
      }
      case 'sku': {
        const sql = `SELECT ${SUMMARY} FROM products p WHERE p.tenant = ${params.text(tenant)} AND ${params.inList('p.sku', [...new Set(lookups.map((lookup) => lookup.key))], 'text')} ORDER BY p.id`;
        return { sql, params: params.values, keyOf: keyOf(1) };
      }
      case 'supplierCode': {
        const sql = `SELECT ${SUMMARY} FROM products p WHERE p.tenant = ${params.text(tenant)} AND ${params.inPairs('p.supplier', 'p.supplier_code', pairs())} ORDER BY p.id`;
        return { sql, params: params.values, keyOf: keyOf(3, 2) };
      }
      case 'sourceId': {
        const sql = `SELECT ${SUMMARY}, s.source, s.source_id FROM product_sources s JOIN products p ON p.tenant = s.tenant AND p.id = s.product_id WHERE s.tenant = ${params.text(tenant)} AND ${params.inPairs('s.source', 's.source_id', pairs())} ORDER BY p.id`;
        return { sql, params: params.values, keyOf: keyOf(6, 5) };
      }
    }
  }

  private summary(row: SqlRow): ProductSummary {
    return {
      id: row['id'] as number,
      sku: row['sku'] as string,
      supplier: row['supplier'] as string,
      supplierCode: row['supplier_code'] as string,
      costPrice: this.executor.dialect.readCost(row['cost_price']),
    };
  }
}
