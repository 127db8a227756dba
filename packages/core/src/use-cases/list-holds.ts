import { validationFailed } from '../domain/errors.js';
import { holdAt, HOLD_STATUSES, type Hold, type HoldStatus } from '../domain/hold.js';
import { pageInfo, type PageInfo, type PageRequest } from '../domain/paging.js';
import type { TenantId } from '../domain/tenant.js';
import { IssueCollector } from '../domain/value-rules.js';
import type { InventoryDeps } from './deps.js';
import { HOLD_REFERENCE_MAX } from './hold-rules.js';

export interface HoldQuery {
  readonly reference?: string;
  readonly status?: string;
}

export interface HoldList {
  readonly items: readonly Hold[];
  readonly page: PageInfo;
}

/** Holds by reference and status (as they stand now), newest first, one page of them. */
export async function listHolds(deps: InventoryDeps, tenant: TenantId, query: HoldQuery, page: PageRequest): Promise<HoldList> {
  const check = new IssueCollector();
  check.maxLength('reference', query.reference, HOLD_REFERENCE_MAX);
  const status = HOLD_STATUSES.find((candidate) => candidate === query.status);
  if (query.status !== undefined && status === undefined) check.add('status', `must be one of ${HOLD_STATUSES.join(', ')}`);
  if (check.issues.length > 0) throw validationFailed(check.issues, 'Invalid hold filters');
  const now = deps.clock.now();
  const filter: { reference?: string; status?: HoldStatus } = {};
  if (query.reference !== undefined) filter.reference = query.reference;
  if (status !== undefined) filter.status = status;
  const found = await deps.holds.list(tenant, filter, page, now);
  return { items: found.items.map((hold) => holdAt(hold, now)), page: pageInfo(page, found.itemsFound, found.items.length) };
}
