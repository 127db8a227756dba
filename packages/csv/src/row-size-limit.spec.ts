import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isInventoryError } from '@inventory/core';
import { rowSizeLimit } from './row-size-limit.js';

/** 'ok' when the text passes a limit of `max` bytes per row, else the error's detail. */
async function check(text: string, max: number, delimiter = ','): Promise<string> {
  try {
    await pipeline(Readable.from([Buffer.from(text)]), rowSizeLimit(max, delimiter), new Writable({ write: (_chunk, _encoding, done) => done() }));
    return 'ok';
  } catch (error) {
    return isInventoryError(error) ? `${error.code}: ${error.details.map((issue) => issue.message).join()}` : String(error);
  }
}

describe('rowSizeLimit', () => {
  it('when every row fits, the bytes pass, however many rows there are', async () => {
    expect(await check('a,b\n12,34\r\n56,78\r9,0\n'.repeat(100), 5)).toBe('ok');
  });

  it('when a quoted field holds line breaks, they belong to its row', async () => {
    expect(await check('a,b\n1,"x\ny\nz"\n', 9)).toBe('ok');
    expect(await check('a,b\n1,"x\ny\nz"\n', 8)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 8 bytes');
  });

  it('when a quote sits inside an unquoted field, it is a literal (as fast-csv reads it) and rows end at their line', async () => {
    expect(await check('a,b\n1,5" screen\n2,7" screen\n', 12)).toBe('ok');
  });

  it('when a quoted field follows whitespace, it is still quoted', async () => {
    expect(await check('a,b\n1, "x\ny"\n', 6)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 6 bytes');
  });

  it('when quotes are escaped inside a quoted field, the field goes on past them', async () => {
    expect(await check('a\n"say ""hi""\nthere"\n', 12)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 12 bytes');
    expect(await check('a\n"say ""hi""",b\nc\n', 16)).toBe('ok');
  });

  it('when a quoted field follows empty fields, it is still quoted', async () => {
    expect(await check('a,b,c\n1,,"x\ny"\n', 7)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 7 bytes');
    expect(await check('a,b,c\n1,,"x\ny"\n', 8)).toBe('ok');
  });

  it('when the delimiter is a tab, a tab before a quote starts a new field', async () => {
    expect(await check('a\tb\n1\t"x\ny"\n', 6, '\t')).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 6 bytes');
  });

  it('when a line of empty columns is longer than the limit, it is refused', async () => {
    expect(await check(`a,b\n${','.repeat(100)}\n`, 64)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 64 bytes');
  });

  it('when a quote is never closed, the row runs to the end of the file and is refused at the limit', async () => {
    expect(await check(`a,b\n1,"open\n${'2,3\n'.repeat(100)}`, 64)).toBe('PAYLOAD_TOO_LARGE: the row starting on line 2 is longer than 64 bytes');
  });
});
