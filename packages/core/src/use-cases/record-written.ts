import type { VersionCheck } from '../domain/version-check.js';
import { versionMismatch } from '../domain/version-check.js';
import type { RecordWrite } from '../ports/inventory-repository.js';
import { inventoryNotFound } from './get-inventory.js';
import type { RecordChange } from './update-inventory.js';

/** A conditional write's outcome as the caller sees it: the record, 404, or the check's own error. */
export function recordWritten(write: RecordWrite, id: number, check: VersionCheck | undefined): RecordChange {
  switch (write.status) {
    case 'written':
      return { record: write.record, changed: write.changed };
    case 'missing':
      throw inventoryNotFound(id);
    case 'version-mismatch':
      if (check === undefined) throw new Error('a write without a version check reported a version mismatch');
      throw versionMismatch(check, write.version);
  }
}
