import express, { type Request, type RequestHandler, type Response } from 'express';
import { RestError } from '../errors/rest-error.js';

/** The media types read as JSON bodies. */
const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

/**
 * Reads a JSON body within the size limit (413 while reading). A body of another media type is
 * refused with 415 before anything reads it: skipped, it would reach the route as "no body" and,
 * say, a search would answer the unfiltered first page. A request without a body (or with an
 * empty one) passes, and the route sees no body.
 */
export function jsonBodyReader(limitBytes: number, verify?: (req: Request, res: Response, body: Buffer) => void): readonly RequestHandler[] {
  return [requireJsonMediaType, express.json({ limit: limitBytes, strict: false, type: JSON_MEDIA_TYPES, ...(verify !== undefined && { verify }) })];
}

const requireJsonMediaType: RequestHandler = (req, _res, next) => {
  // `is` answers null without a body, false for another media type; `Content-Length: 0` (what
  // fetch sends for a bodiless POST) counts as a body for it, but there is nothing to misread
  if (req.is(JSON_MEDIA_TYPES) === false && req.headers['content-length'] !== '0') {
    throw new RestError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON (Content-Type: application/json)');
  }
  next();
};
