import type { Request, Response } from 'express';

/** How a request ended, as logs and metrics report it. */
export interface RequestOutcome {
  /** The status sent, or what the client saw when the connection closed first (see below). */
  readonly status: number;
  /** Set when the connection closed before the response ended. */
  readonly cut?: 'request-timeout' | 'connection-closed';
}

/** Node answers a request that outlasts `requestTimeout` with a bare 408 and closes the socket. */
const REQUEST_TIMEOUT_STATUS = 408;
/** A client that hung up before any answer: nginx's "client closed request". */
const CLIENT_CLOSED_STATUS = 499;

/**
 * The outcome of a response that has closed. A request cut while its body arrives is aborted
 * (its stream errs with ECONNRESET) and express may still "answer" it — the body reader fails and
 * the error envelope is written to a dead socket — so the abort decides, not the status set. The
 * request timeout is recognised by the error Node destroyed the socket with (it writes the 408
 * itself, outside express).
 */
export function requestOutcome(req: Request, res: Response): RequestOutcome {
  if (errorCode(req.socket.errored) === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: REQUEST_TIMEOUT_STATUS, cut: 'request-timeout' };
  if (errorCode(req.errored) === 'ECONNRESET') return { status: CLIENT_CLOSED_STATUS, cut: 'connection-closed' };
  if (!res.writableFinished) return { status: res.headersSent ? res.statusCode : CLIENT_CLOSED_STATUS, cut: 'connection-closed' };
  return { status: res.statusCode };
}

function errorCode(error: Error | null): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** The request's path as the client sent it, without the query: routers strip their mount path from `req.path`. */
export function requestPath(req: Request): string {
  const query = req.originalUrl.indexOf('?');
  return query === -1 ? req.originalUrl : req.originalUrl.slice(0, query);
}
