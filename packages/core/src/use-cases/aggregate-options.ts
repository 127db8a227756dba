import { startOfUtcDay, type IsoInstant } from '../domain/instant.js';
import type { AggregateOptions } from '../ports/inventory-read-model.js';

/** The options of every aggregate read at one instant of the clock. */
export function aggregateOptionsAt(now: IsoInstant, withBalance: boolean): AggregateOptions {
  return { startOfToday: startOfUtcDay(now), now, withBalance };
}
