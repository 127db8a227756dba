import type { ProductInventory } from '@inventory/core';
import type { z } from 'zod';
import type { aggregateSchema } from '../openapi/response-schemas.js';
import { presentRecord } from './present-record.js';

/** The aggregate (docs/rest.md) as JSON, typed by its response schema; `balance` only when asked for. */
export type AggregateJson = z.output<typeof aggregateSchema>;

export function presentAggregate(aggregate: ProductInventory): AggregateJson {
  return {
    productId: aggregate.productId,
    totalQuantity: aggregate.totalQuantity,
    totalReservedQuantity: aggregate.totalReservedQuantity,
    localQuantity: aggregate.localQuantity,
    localReservedQuantity: aggregate.localReservedQuantity,
    supplierQuantity: aggregate.supplierQuantity,
    supplierReservedQuantity: aggregate.supplierReservedQuantity,
    nextDeliveryDate: aggregate.nextDeliveryDate,
    heldQuantity: aggregate.heldQuantity,
    availableQuantity: aggregate.availableQuantity,
    ...(aggregate.balance !== undefined && { balance: aggregate.balance.map(presentRecord) }),
  };
}
