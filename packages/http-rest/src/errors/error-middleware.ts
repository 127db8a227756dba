import { isAuthenticationError, isInventoryError, type Issue } from '@inventory/core';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { errorEnvelope } from '../envelope/envelopes.js';
import { authenticateHeader } from '../auth/www-authenticate.js';
import { ERROR_TABLE, type RestErrorCode } from './error-table.js';
import { RestError } from './rest-error.js';

/** Told about every failure that is a bug or an outage rather than a client mistake. */
export type UnexpectedErrorListener = (error: unknown, req: Request) => void;

export interface ErrorHandlerOptions {
  readonly onUnexpectedError: UnexpectedErrorListener;
  /** Seconds a client should wait after a 503. */
  readonly retryAfterSeconds: number;
}

interface Classified {
  readonly code: RestErrorCode;
  readonly message: string;
  readonly details?: readonly Issue[];
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The one error middleware: turns any failure into the error envelope (docs/rest.md) through
 * {@link ERROR_TABLE}. Unexpected errors answer 500 with a generic message and go to the
 * listener, so no stack trace or SQL text ever reaches a client.
 */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const classified = classify(error, options);
    if (classified.code === 'INTERNAL' || classified.code === 'SERVICE_UNAVAILABLE') options.onUnexpectedError(error, req);
    const wire = ERROR_TABLE[classified.code];
    res.set(classified.headers ?? {});
    res.status(wire.status).json(errorEnvelope(wire, classified.message, classified.details));
  };
}

/** Answers every request that reached it with 404 `NotFound` in the error envelope. */
export const routeNotFound: RequestHandler = (req) => {
  throw new RestError('ROUTE_NOT_FOUND', `No route for ${req.method} ${req.baseUrl}${req.path}`);
};

function classify(error: unknown, options: ErrorHandlerOptions): Classified {
  if (isInventoryError(error)) {
    if (error.code === 'SERVICE_UNAVAILABLE') {
      return { code: error.code, message: 'The service is temporarily unavailable; retry later', headers: { 'Retry-After': String(options.retryAfterSeconds) } };
    }
    if (error.code === 'IDEMPOTENCY_KEY_IN_FLIGHT') return { code: error.code, message: error.message, details: error.details, headers: { 'Retry-After': '1' } };
    return { code: error.code, message: error.message, details: error.details };
  }
  if (isAuthenticationError(error)) {
    return { code: 'UNAUTHORIZED', message: error.message, headers: { 'WWW-Authenticate': authenticateHeader(error.failure) } };
  }
  if (error instanceof RestError) return { code: error.code, message: error.message, details: error.details, headers: error.headers };
  return classifyHttpError(error) ?? { code: 'INTERNAL', message: 'Internal server error' };
}

/** Errors of express and body-parser (http-errors objects: `status`, `expose`, body-parser `type`). */
function classifyHttpError(error: unknown): Classified | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose, limit } = error as { type?: unknown; status?: unknown; expose?: unknown; limit?: unknown };
  // The router decodes path parameters while matching, before authentication runs: `%ZZ` or
  // an escape that is not UTF-8 arrives as a URIError marked 400. The input is not echoed.
  if (error instanceof URIError && status === 400) {
    return { code: 'VALIDATION_FAILED', message: 'The request path holds a malformed percent-escape', details: [{ path: 'path', message: 'must be valid percent-encoded UTF-8' }] };
  }
  if (type === 'entity.too.large') {
    return { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${typeof limit === 'number' ? limit : '?'} bytes` };
  }
  if (type === 'entity.parse.failed') return { code: 'INVALID_JSON', message: 'The request body is not valid JSON' };
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body\'s charset or content encoding is not supported: send UTF-8 JSON' };
  }
  if (typeof type === 'string' && typeof status === 'number' && status < 500) {
    return { code: 'INVALID_JSON', message: 'The request body could not be read as JSON' };
  }
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return { code: 'VALIDATION_FAILED', message: 'The request is malformed' };
  }
  return undefined;
}
