import { describe, expect, it } from 'vitest';
import { IssueCollector, textIssue } from './value-rules.js';

describe('IssueCollector', () => {
  it('when a text holds a NUL character or is too long, each problem is reported at its path', () => {
    const check = new IssueCollector();
    check.maxLength('notes', 'a\u0000b', 255);
    check.maxLength('sku', 'x'.repeat(31), 30);
    check.maxLength('location', 'x'.repeat(35), 35);
    expect(check.issues).toEqual([
      { path: 'notes', message: 'must not contain the NUL character' },
      { path: 'sku', message: 'must be at most 30 characters' },
    ]);
  });

  it('when a text holds a lone UTF-16 surrogate, it is refused; a surrogate pair (an astral character) is kept', () => {
    expect(['\ud800', 'x\udbff', '\udc00', 'a\udfffb', '\ude00\ud83d'].map(textIssue)).toEqual(Array(5).fill('must be valid Unicode (it holds a lone UTF-16 surrogate)'));
    expect(['', 'plain', '\ud83d\ude00', 'é€😀'].map(textIssue)).toEqual([undefined, undefined, undefined, undefined]);
    const check = new IssueCollector();
    check.maxLength('sku', 'a\ud800', 30);
    expect(check.issues).toEqual([{ path: 'sku', message: 'must be valid Unicode (it holds a lone UTF-16 surrogate)' }]);
  });

  it('when a number is not an integer or out of range, it is reported', () => {
    const check = new IssueCollector();
    check.integer('quantity', 1.5, -10, 10);
    check.integer('quantity', 11, -10, 10);
    check.id('warehouseId', -1, 0);
    expect(check.issues.map((issue) => issue.message)).toEqual(['must be an integer', 'must be between -10 and 10', 'must be between 0 and 2147483647']);
  });
});
