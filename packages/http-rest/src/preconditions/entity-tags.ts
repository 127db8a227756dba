import type { VersionCheck } from '@inventory/core';

/** A record's entity tag: its version, quoted (docs/concurrency.md). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const TAG = /^(?:W\/)?"([^"]*)"$/;

/**
 * The versions an `If-Match` / `If-None-Match` list names: `"7"` and `W/"7"` both name version 7
 * (a version is the whole state of the record, so weak and strong tags mean the same). A tag that
 * is not a version can match nothing; `*` is `'any'`.
 */
function versionsOf(header: string): readonly number[] | 'any' {
  if (header.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const digits = TAG.exec(part.trim())?.[1];
    if (digits !== undefined && /^\d{1,15}$/.test(digits)) versions.push(Number(digits));
  }
  return versions;
}

/** The check an `If-Match` header asks for; undefined without one or for `*` (any existing record). */
export function ifMatchCheck(header: string | undefined): VersionCheck | undefined {
  if (header === undefined) return undefined;
  const versions = versionsOf(header);
  return versions === 'any' ? undefined : { kind: 'ifMatch', versions };
}

/** True when `If-None-Match` names the record's current version (or is `*`): the client's copy is current. */
export function isNotModified(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  const versions = versionsOf(header);
  return versions === 'any' || versions.includes(version);
}
