import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestOutcome, requestPath } from './request-outcome.js';

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
const loggers = new WeakMap<Request, Logger>();

/**
 * Gives every request an id (the caller's `x-request-id` when it is a sane token, else a new
 * UUID), echoes it in the response, and logs one line per request when its response closes:
 * method, path without the query (as sent, whatever router answered), status and duration. A
 * request whose connection closed first — cut by the request timeout (warn, status 408) or by
 * the client (status 499) — is logged too, with `cut` saying which. Headers are never logged.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ reqId: requestId });
    loggers.set(req, log);
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const { status, cut } = requestOutcome(req, res);
      const line = { method: req.method, path: requestPath(req), status, durationMs, ...(cut !== undefined && { cut }) };
      if (cut === 'request-timeout') log.warn(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };
}

/** The request's logger (with its id), or the fallback outside {@link requestContext}. */
export function requestLogger(req: Request, fallback: Logger): Logger {
  return loggers.get(req) ?? fallback;
}
