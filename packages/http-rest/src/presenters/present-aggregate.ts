import type { ProductInventory } from '@inventory/core';
import { presentRecord, type RecordJson } from './present-record.js';

/** The aggregate of docs/rest.md as JSON (core's fields, dates as plain text); `balance` only when asked for. */
export type AggregateJson = Omit<ProductInventory, 'nextDeliveryDate' | 'balance'> & {
  readonly nextDeliveryDate: string | null;
  readonly balance?: readonly RecordJson[];
};

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
