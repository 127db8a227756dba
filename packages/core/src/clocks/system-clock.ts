import { toIsoInstant } from '../domain/instant.js';
import type { Clock } from '../ports/clock.js';

/** The wall clock. */
export const systemClock: Clock = { now: () => toIsoInstant(new Date()) };
