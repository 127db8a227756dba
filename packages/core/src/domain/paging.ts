import { InventoryError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 12;
export const MAX_PAGE_SIZE = 1000;

/** A 1-based page of `size` items (the contract calls the size `offset`). */
export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

/** The paging fields of a paginated envelope (docs/rest.md). */
export interface PageInfo {
  readonly page: number;
  readonly offset: number;
  readonly itemsFound: number;
  readonly pages: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Checks paging input; anything but an integer page ≥ 1 and size 1…max is INVALID_PAGING. Only
 * numbers count: text such as `"5"` is refused, so a transport that reads text (a query string)
 * turns digits into numbers first.
 */
export function pageRequest(page: unknown = 1, size: unknown = DEFAULT_PAGE_SIZE, maxSize = MAX_PAGE_SIZE): PageRequest {
  const pageNumber = toInteger(page);
  const pageSize = toInteger(size);
  if (pageNumber === undefined || pageNumber < 1) {
    throw new InventoryError('INVALID_PAGING', 'page must be an integer of at least 1', [{ path: 'page', message: 'must be an integer ≥ 1' }]);
  }
  if (pageSize === undefined || pageSize < 1 || pageSize > maxSize) {
    throw new InventoryError('INVALID_PAGING', `offset must be an integer from 1 to ${maxSize}`, [
      { path: 'offset', message: `must be an integer from 1 to ${maxSize}` },
    ]);
  }
  return { page: pageNumber, size: pageSize };
}

export function pageInfo(request: PageRequest, itemsFound: number, itemsOnPage: number): PageInfo {
  const start = itemsOnPage === 0 ? 0 : (request.page - 1) * request.size + 1;
  return {
    page: request.page,
    offset: request.size,
    itemsFound,
    pages: Math.ceil(itemsFound / request.size),
    start,
    end: itemsOnPage === 0 ? 0 : start + itemsOnPage - 1,
  };
}

export function pageSlice<T>(items: readonly T[], request: PageRequest): T[] {
  const from = (request.page - 1) * request.size;
  return items.slice(from, from + request.size);
}

function toInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}
