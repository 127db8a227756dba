import { createHash } from 'node:crypto';
import { addSeconds, InventoryError, type Clock, type IdempotencyStore } from '@inventory/core';
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../auth/require-scope.js';
import { RestError } from '../errors/rest-error.js';

/** How idempotency keys are kept (docs/concurrency.md). */
export interface IdempotencyOptions {
  readonly store: IdempotencyStore;
  readonly clock: Clock;
  /** How long an answer is replayed (`IDEMPOTENCY_TTL_SECONDS`). */
  readonly ttlSeconds: number;
  /** How long a running request holds its key before a retry may take it over (a crashed process). */
  readonly leaseSeconds: number;
}

const KEY = /^[\x21-\x7e]{1,255}$/;
const EMPTY_BODY = createHash('sha256').digest('hex');
const bodyHashes = new WeakMap<Request, string>();

/** The JSON reader's `verify` hook: remembers a SHA-256 of the raw body for the request's fingerprint. */
export function rememberBodyHash(req: Request, _res: Response, body: Buffer): void {
  bodyHashes.set(req, createHash('sha256').update(body).digest('hex'));
}

/** What makes two requests "the same": method, path with query, and the body's hash. */
function fingerprintOf(req: Request): string {
  return createHash('sha256')
    .update(`${req.method} ${req.originalUrl}\n${bodyHashes.get(req) ?? EMPTY_BODY}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on a write route: the first request with a key runs and its answer is kept
 * (not a 5xx, which stays retryable); a repeat with the same fingerprint gets that answer again
 * with `Idempotent-Replayed: true` and runs nothing; another fingerprint is 422; a repeat while
 * the first still runs is 409 with `Retry-After: 1`. Keys are scoped to the token's tenant.
 */
export function idempotency(options: IdempotencyOptions): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) {
      next();
      return;
    }
    if (!KEY.test(key)) throw new RestError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters', [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    const { tenant } = principalOf(req);
    const fingerprint = fingerprintOf(req);
    const now = options.clock.now();
    const claim = await options.store.claim(tenant, key, fingerprint, now, addSeconds(now, options.leaseSeconds));
    switch (claim.status) {
      case 'replay':
        res.set(claim.response.headers).set('Idempotent-Replayed', 'true').status(claim.response.status).type('application/json').send(claim.response.body);
        return;
      case 'mismatch':
        throw new InventoryError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request (method, path or body)');
      case 'in-flight':
        throw new InventoryError('IDEMPOTENCY_KEY_IN_FLIGHT', 'A request with this Idempotency-Key is still running; retry after it finishes');
      case 'claimed':
        keepAnswer(res, options, tenant, key, fingerprint);
        next();
    }
  };
}

/** Stores the answer before it is sent, so a retry that arrives after it always finds it. */
function keepAnswer(res: Response, options: IdempotencyOptions, tenant: Parameters<IdempotencyStore['complete']>[0], key: string, fingerprint: string): void {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    const status = res.statusCode;
    const etag = res.get('ETag');
    const kept =
      status >= 500
        ? options.store.release(tenant, key, fingerprint)
        : options.store.complete(tenant, key, fingerprint, { status, body: JSON.stringify(body), headers: etag === undefined ? {} : { ETag: etag } }, addSeconds(options.clock.now(), options.ttlSeconds));
    // The answer goes out either way; a key that could not be stored is freed when its lease ends.
    kept.then(
      () => send(body),
      () => send(body),
    );
    return res;
  };
}
