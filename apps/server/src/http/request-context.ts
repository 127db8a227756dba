import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestOutcome, requestPath } from './request-outcome.js';

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
const requestIds = new WeakMap<Request, string>();

/**
 * Gives every request an id (the caller's `x-request-id` when it is a sane token, else a new
 * UUID), echoes it in the response, and logs one line per request when its response closes:
 * method, path without the query (as sent, whatever router answered), status and duration. A
 * request whose connection closed first — cut by the request timeout (warn, status 408) or by
 * the client (status 499) — is logged too, with `cut` saying which. Headers are never logged.
 * The hot path makes no logger and no line object that nobody writes: a request's child logger is
 * made when something logs for it, and the request line only when its level is enabled.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(req, requestId);
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const { status, cut } = requestOutcome(req, res);
      const level = cut === 'request-timeout' ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = { reqId: requestId, method: req.method, path: requestPath(req), status, durationMs, ...(cut !== undefined && { cut }) };
      logger[level](line, 'request');
    });
    next();
  };
}

/** The request's logger (a child with its id), or the fallback outside {@link requestContext}. */
export function requestLogger(req: Request, fallback: Logger): Logger {
  const requestId = requestIds.get(req);
  return requestId === undefined ? fallback : fallback.child({ reqId: requestId });
}
