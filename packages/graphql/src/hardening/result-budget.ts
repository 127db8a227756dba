import type { ProductInventory } from '@inventory/core';
import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { selectedFieldCount } from '../resolvers/selects-field.js';

/**
 * The values one request may still produce. The list-cost limit refuses a document from estimated
 * list sizes; this budget counts the real ones (a product may hold far more balance records than
 * assumed) and stops the request's remaining reads once it is spent.
 */
export class ResultBudget {
  private spent = 0;

  constructor(private readonly maxValues: number) {}

  /** Throws once the budget is spent, so a resolver can refuse to read before reading. */
  assertOpen(): void {
    if (this.spent > this.maxValues) throw this.exceeded();
  }

  /** Charges the values of aggregates at `path` below the resolved field (the field itself when empty). */
  chargeAggregates(info: GraphQLResolveInfo, path: readonly string[], aggregates: readonly ProductInventory[]): void {
    const width = selectedFieldCount(info, path);
    const balanceWidth = selectedFieldCount(info, [...path, 'balance']);
    const records = aggregates.reduce((sum, aggregate) => sum + (aggregate.balance?.length ?? 0), 0);
    this.spent += aggregates.length * width + records * balanceWidth;
    this.assertOpen();
  }

  private exceeded(): Error {
    return createGraphQLError(`Response budget of ${this.maxValues} values exceeded: ask for fewer or smaller lists.`, { extensions: { code: 'RESPONSE_TOO_LARGE' } });
  }
}
