import { describe, expect, it } from 'vitest';
import { isInventoryError } from './errors.js';
import { pageInfo, pageRequest } from './paging.js';

describe('paging', () => {
  it('when nothing is given, page 1 of 12 is asked', () => {
    expect(pageRequest()).toEqual({ page: 1, size: 12 });
    expect(pageRequest(3, 1000)).toEqual({ page: 3, size: 1000 });
  });

  it.each([[0, 12], [1, 0], [1, 1001], ['x', 12], [1.5, 12], [1, '12abc'], [-1, 12], ['3', 12], [1, '5'], [[1], 12], [1, null]])('when page %s and offset %s are asked, it is INVALID_PAGING', (page, size) => {
    let caught: unknown;
    try {
      pageRequest(page, size);
    } catch (error) {
      caught = error;
    }
    expect(isInventoryError(caught) && caught.code).toBe('INVALID_PAGING');
  });

  it('numbers start and end from 1, and 0 for an empty page', () => {
    expect(pageInfo({ page: 2, size: 10 }, 25, 10)).toEqual({ page: 2, offset: 10, itemsFound: 25, pages: 3, start: 11, end: 20 });
    expect(pageInfo({ page: 3, size: 10 }, 25, 5)).toEqual({ page: 3, offset: 10, itemsFound: 25, pages: 3, start: 21, end: 25 });
    expect(pageInfo({ page: 9, size: 10 }, 25, 0)).toEqual({ page: 9, offset: 10, itemsFound: 25, pages: 3, start: 0, end: 0 });
    expect(pageInfo({ page: 1, size: 10 }, 0, 0)).toEqual({ page: 1, offset: 10, itemsFound: 0, pages: 0, start: 0, end: 0 });
  });
});
