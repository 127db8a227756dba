import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
const loggers = new WeakMap<Request, Logger>();

/**
 * Gives every request an id (the caller's `x-request-id` when it is a sane token, else a new
 * UUID), echoes it in the response, and logs one line per request when it finishes: method,
 * path without the query, status and duration. Headers are never logged.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const log = logger.child({ reqId: requestId });
    loggers.set(req, log);
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    });
    next();
  };
}

/** The request's logger (with its id), or the fallback outside {@link requestContext}. */
export function requestLogger(req: Request, fallback: Logger): Logger {
  return loggers.get(req) ?? fallback;
}
