import { InventoryError } from './errors.js';

/**
 * What a conditional write expects of a record's version. `ifMatch` comes from an HTTP `If-Match`
 * list (a mismatch is PRECONDITION_FAILED); `expected` from an `expectedVersion` field (a mismatch
 * is VERSION_CONFLICT, and 0 means "must not exist yet"). `*` is not a check: any existing record
 * matches it, and a missing one is 404 whatever the precondition says.
 */
export type VersionCheck = { readonly kind: 'ifMatch'; readonly versions: readonly number[] } | { readonly kind: 'expected'; readonly version: number };

/** The versions a check accepts, for a conditional statement's `version IN (…)`. */
export function acceptedVersions(check: VersionCheck): readonly number[] {
  return check.kind === 'ifMatch' ? check.versions : [check.version];
}

/** The error a failed check answers with, naming the version the record has now. */
export function versionMismatch(check: VersionCheck, current: number): InventoryError {
  const details = [{ path: 'version', message: `current version is ${current}` }];
  return check.kind === 'ifMatch'
    ? new InventoryError('PRECONDITION_FAILED', 'The record has changed since the version named in If-Match', details)
    : new InventoryError('VERSION_CONFLICT', `Expected version ${check.version}, but the record is at version ${current}`, details);
}
