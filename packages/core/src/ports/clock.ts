import type { IsoInstant } from '../domain/instant.js';

/** The current time; a port so that "next delivery date" and timestamps are testable. */
export interface Clock {
  now(): IsoInstant;
}
