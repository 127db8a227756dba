import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isInventoryError } from '@inventory/core';
import { csvRows } from './csv-rows.js';
import { detectDelimiter } from './detect-delimiter.js';

async function read(chunks: (string | Buffer)[], maxBytes = 1_000_000, maxRowBytes = 64 * 1024): Promise<string[][] | string> {
  const rows: string[][] = [];
  try {
    for await (const row of csvRows(Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))), { maxBytes, maxRowBytes })) rows.push(row);
  } catch (error) {
    return isInventoryError(error) ? error.code : String(error);
  }
  return rows;
}

describe('csvRows', () => {
  it('when the file has a BOM, CRLF line ends and an empty trailing line, rows come out clean', async () => {
    expect(await read(['\ufeffsku,quantity\r\n', 'A,1\r\nB,2\r\n\r\n'])).toEqual([['sku', 'quantity'], ['A', '1'], ['B', '2']]);
  });

  it('when fields are quoted with delimiters, quotes and newlines inside, they are read whole', async () => {
    expect(await read(['sku,notes\n"A,1","say ""hi""\nthere"\n'])).toEqual([['sku', 'notes'], ['A,1', 'say "hi"\nthere']]);
  });

  it('when the file is split across chunks mid-line, nothing is lost', async () => {
    expect(await read(['sk', 'u;qua', 'ntity\nA;', '1\n'])).toEqual([['sku', 'quantity'], ['A', '1']]);
  });

  it('when the header uses semicolons or tabs, that delimiter is detected', () => {
    expect(detectDelimiter('sku;quantity;notes\n')).toBe(';');
    expect(detectDelimiter('sku\tquantity')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('when a quote is never closed, the import fails as malformed', async () => {
    expect(await read(['a,b\n"unclosed,2\n3,4\n'])).toBe('VALIDATION_FAILED');
  });

  it('when the file is larger than allowed, reading stops with PAYLOAD_TOO_LARGE', async () => {
    expect(await read(['a,b\n', '1,2\n'.repeat(1000)], 1000)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when rows have the wrong number of cells, they still come out for the importer to report', async () => {
    expect(await read(['a,b\n1,2,3\n4\n'])).toEqual([['a', 'b'], ['1', '2', '3'], ['4']]);
  });

  it('when the file is empty, there are no rows', async () => {
    expect(await read([])).toEqual([]);
  });

  it('when one row is longer than allowed, reading stops with PAYLOAD_TOO_LARGE', async () => {
    expect(await read(['a,b\n', `1,"${'x'.repeat(2000)}"\n`], 1_000_000, 1000)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when rows stay within the row limit, a long file is read whole', async () => {
    expect(await read(['a,b\n', '1,2\n'.repeat(1000)], 1_000_000, 10)).toHaveLength(1001);
  });

  it('when the bytes are not UTF-8 (a Latin-1 export), reading stops with VALIDATION_FAILED', async () => {
    expect(await read(['a,b\n', Buffer.from('1,Caf\xe9\n', 'latin1')])).toBe('VALIDATION_FAILED');
  });

  it('when a UTF-8 character is split across chunks, it is read whole', async () => {
    const bytes = Buffer.from('a,b\n1,Café\n');
    expect(await read([bytes.subarray(0, 10), bytes.subarray(10)])).toEqual([['a', 'b'], ['1', 'Café']]);
  });
});
