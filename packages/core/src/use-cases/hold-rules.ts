import type { Issue } from '../domain/errors.js';
import { InventoryError } from '../domain/errors.js';
import { holdAt, type Hold } from '../domain/hold.js';
import type { IsoInstant } from '../domain/instant.js';
import type { HoldChange } from '../ports/hold-store.js';

export const HOLD_REFERENCE_MAX = 255;

/** `expiresIn`: whole seconds from 1 to the configured maximum. */
export function checkHoldSeconds(seconds: number, maxSeconds: number): Issue[] {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxSeconds) return [{ path: 'expiresIn', message: `must be an integer from 1 to ${maxSeconds}` }];
  return [];
}

export function holdNotFound(id: string): InventoryError {
  return new InventoryError('HOLD_NOT_FOUND', `Hold ${id.slice(0, 64)} not found`);
}

/** A state change's outcome as the caller sees it: the hold at `now`, 404, or 409 when it was no longer active. */
export function holdChanged(change: HoldChange, id: string, now: IsoInstant): Hold {
  switch (change.status) {
    case 'changed':
      return holdAt(change.hold, now);
    case 'missing':
      throw holdNotFound(id);
    case 'not-active':
      throw new InventoryError('HOLD_NOT_ACTIVE', `Hold ${id} is ${holdAt(change.hold, now).status}, not active`);
  }
}
