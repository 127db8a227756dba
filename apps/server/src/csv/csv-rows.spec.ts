import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isInventoryError } from '@inventory/core';
import { csvRows, detectDelimiter } from './csv-rows.js';

async function read(chunks: (string | Buffer)[], maxBytes = 1_000_000): Promise<string[][] | string> {
  const rows: string[][] = [];
  try {
    for await (const row of csvRows(Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))), { maxBytes })) rows.push(row);
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
});
