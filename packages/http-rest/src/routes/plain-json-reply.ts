import type { Response } from 'express';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Writes a JSON answer straight to the response: the bytes and headers `res.json` would send for a
 * reply without validators (no ETag, no Last-Modified, so no 304 to decide), without its
 * content-type negotiation, charset parsing and freshness check on every request. HEAD requests
 * get the headers alone (node drops the body).
 */
export function sendPlainJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
