import { parseIsoInstant, type IsoInstant } from '../domain/instant.js';
import type { Clock } from '../ports/clock.js';

/** A clock that stands still until told to move, for deterministic tests. */
export class ManualClock implements Clock {
  private current: IsoInstant;

  constructor(start: string) {
    this.current = ManualClock.parse(start);
  }

  now(): IsoInstant {
    return this.current;
  }

  set(instant: string): void {
    this.current = ManualClock.parse(instant);
  }

  advance(milliseconds: number): void {
    this.current = new Date(Date.parse(this.current) + milliseconds).toISOString() as IsoInstant;
  }

  private static parse(instant: string): IsoInstant {
    const parsed = parseIsoInstant(instant);
    if (parsed === undefined) throw new RangeError(`not an ISO 8601 instant: ${instant}`);
    return parsed;
  }
}
