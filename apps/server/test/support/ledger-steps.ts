import type { Movement } from '@inventory/core';
import { expect } from 'vitest';
import type { AnyEnvelope, ApiClient, ApiResponse } from './api-client.js';
import type { ItemResult } from './api-steps.js';
import { expectData } from './expectations.js';

/** One adjustment item's result as the API answers it. */
export interface AdjustmentResult extends ItemResult {
  readonly quantity?: number;
  readonly version?: number;
  readonly movementId?: number;
}

/** A cursor page of `GET /v2/inventory/movements`. */
export interface MovementPage extends AnyEnvelope<Movement[]> {
  readonly next: number | null;
}

export function adjust(api: ApiClient, path: string, adjustments: readonly unknown[], atomic?: boolean): Promise<ApiResponse<AnyEnvelope<AdjustmentResult[]>>> {
  return api.post<AnyEnvelope<AdjustmentResult[]>>(`/v2/inventory/adjustments/${path}`, { adjustments, ...(atomic !== undefined && { atomic }) });
}

/** Adjusts and returns the results, asserting every item succeeded. */
export async function adjustAll(api: ApiClient, path: string, adjustments: readonly unknown[]): Promise<AdjustmentResult[]> {
  const results = expectData(await adjust(api, path, adjustments));
  expect(results.every((result) => result.success), JSON.stringify(results)).toBe(true);
  return results;
}

export function movementPage(api: ApiClient, query: Readonly<Record<string, string | number>> = {}): Promise<ApiResponse<MovementPage>> {
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  return api.get<MovementPage>(`/v2/inventory/movements${search.size > 0 ? `?${search.toString()}` : ''}`);
}

/** Every movement matching the query, read page by page through `next`. */
export async function allMovements(api: ApiClient, query: Readonly<Record<string, string | number>> = {}): Promise<Movement[]> {
  const movements: Movement[] = [];
  let after: number | null | undefined;
  do {
    const response = await movementPage(api, { ...query, limit: 1000, ...(after !== undefined && after !== null && { after }) });
    movements.push(...expectData(response));
    after = response.body.next;
  } while (after !== null);
  return movements;
}

/** Σ delta per record id over the movements. */
export function ledgerSums(movements: readonly Movement[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const movement of movements) sums.set(movement.inventoryId, (sums.get(movement.inventoryId) ?? 0) + movement.delta);
  return sums;
}

type Json = Record<string, unknown>;

/** An adjustment item: `anAdjustment(5).forProduct(1).inWarehouse(2).because('sale').json()`. */
export class AdjustmentBuilder {
  private body: Json;

  constructor(delta: number) {
    this.body = { delta, reason: 'receipt' };
  }

  forProduct(productId: number): this {
    return this.with({ productId });
  }
  inWarehouse(warehouseId: number): this {
    return this.with({ warehouseId });
  }
  because(reason: string, reference?: string): this {
    return this.with({ reason, ...(reference !== undefined && { reference }) });
  }
  atVersion(expectedVersion: number): this {
    return this.with({ expectedVersion });
  }
  allowingNegative(): this {
    return this.with({ allowNegative: true });
  }
  with(fields: Json): this {
    this.body = { ...this.body, ...fields };
    return this;
  }
  json(): Json {
    return { ...this.body };
  }
}

export function anAdjustment(delta: number): AdjustmentBuilder {
  return new AdjustmentBuilder(delta);
}
