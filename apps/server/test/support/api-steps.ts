import type { AggregateJson, ProductJson, RecordJson } from '@inventory/http-rest';
import { expect } from 'vitest';
import type { AnyEnvelope, ApiClient, ApiResponse } from './api-client.js';
import { expectData } from './expectations.js';
import type { ProductBodyBuilder } from './request-builders.js';

/** One bulk item's result as the API answers it. */
export interface ItemResult {
  readonly index: number;
  readonly success: boolean;
  readonly action?: 'create' | 'update';
  /** False only for a quiet no-op: the item equalled the stored record. */
  readonly changed?: boolean;
  readonly id?: number;
  readonly lookupKey: string;
  readonly key: string | number | null;
  readonly error?: { readonly code: number; readonly type: string; readonly messages: string[]; readonly details?: { path: string; message: string }[] };
}

/** Registers products through `POST /v2/products/bulk`, asserting every one succeeded. */
export async function registerProducts(api: ApiClient, ...products: readonly ProductBodyBuilder[]): Promise<void> {
  const response = await api.post<AnyEnvelope<ItemResult[]>>('/v2/products/bulk', { products: products.map((product) => product.json()) });
  const results = expectData(response);
  expect(results.every((result) => result.success), JSON.stringify(results)).toBe(true);
}

export function bulkUpsert(api: ApiClient, path: string, items: readonly unknown[]): Promise<ApiResponse<AnyEnvelope<ItemResult[]>>> {
  return api.post<AnyEnvelope<ItemResult[]>>(`/v2/inventory/bulk/${path}`, { inventory: items });
}

/** Bulk upserts and returns the record ids, asserting every item succeeded. */
export async function upsertAll(api: ApiClient, path: string, items: readonly unknown[]): Promise<number[]> {
  const results = expectData(await bulkUpsert(api, path, items));
  expect(results.every((result) => result.success), JSON.stringify(results)).toBe(true);
  return results.map((result) => result.id ?? 0);
}

export async function aggregateOf(api: ApiClient, path: string): Promise<AggregateJson> {
  const data = expectData(await api.get<AnyEnvelope<AggregateJson[]>>(path));
  expect(data).toHaveLength(1);
  const [aggregate] = data;
  if (aggregate === undefined) throw new Error('no aggregate');
  return aggregate;
}

export async function recordOf(api: ApiClient, id: number): Promise<RecordJson> {
  return expectData(await api.get<AnyEnvelope<RecordJson>>(`/v2/inventory/id/${id}`));
}

export async function productOf(api: ApiClient, path: string): Promise<ProductJson> {
  return expectData(await api.get<AnyEnvelope<ProductJson>>(path));
}

/** Every record of a product, read through `expands=inventoryBalance`. */
export async function balanceOf(api: ApiClient, productId: number): Promise<readonly RecordJson[]> {
  return (await aggregateOf(api, `/v2/products/id/${productId}/inventory?expands=inventoryBalance`)).balance ?? [];
}
