import { createHash } from 'node:crypto';
import { addSeconds, type Clock, type IdempotencyStore, type TenantId } from '@inventory/core';
import { getOperationAST, OperationTypeNode, type ExecutionArgs, type ExecutionResult, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RequestScope } from '../context/graphql-context.js';

/** How idempotency keys are kept: the same store and rules as REST (docs/concurrency.md). */
export interface GraphqlIdempotencyOptions {
  readonly store: IdempotencyStore;
  readonly clock: Clock;
  readonly ttlSeconds: number;
  readonly leaseSeconds: number;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

interface StoredError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

/**
 * `Idempotency-Key` on GraphQL mutations (multipart uploads excluded): the fingerprint is a
 * SHA-256 of the operation text, operation name and variables; the first request's result is
 * kept and replayed (`Idempotent-Replayed: true`), another operation with the key is
 * IDEMPOTENCY_KEY_REUSED (422), a repeat while the first runs IDEMPOTENCY_KEY_IN_FLIGHT (409,
 * `Retry-After: 1`). A result whose errors carry a 5xx status is not kept.
 */
export function useIdempotencyKeys(options: GraphqlIdempotencyOptions): Plugin<RequestScope> {
  const replayed = new WeakSet<Request>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as RequestScope & { request: Request; params: { query?: string; variables?: unknown; operationName?: string } };
      const { request } = context;
      const key = request.headers.get('idempotency-key');
      if (key === null || request.headers.get('content-type')?.startsWith('multipart/') === true) return undefined;
      const { document, operationName } = args as ExecutionArgs;
      if (getOperationAST(document, operationName)?.operation !== OperationTypeNode.MUTATION) return undefined;
      if (!KEY.test(key)) {
        setResultAndStopExecution({ errors: [failure('Idempotency-Key must be 1 to 255 visible ASCII characters', 'BAD_USER_INPUT', 400)] });
        return undefined;
      }
      const { tenant } = context;
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([context.params.query ?? '', context.params.operationName ?? null, args.variableValues ?? null]))
        .digest('hex');
      const now = options.clock.now();
      const claim = await options.store.claim(tenant, key, fingerprint, now, addSeconds(now, options.leaseSeconds));
      switch (claim.status) {
        case 'replay':
          replayed.add(request);
          setResultAndStopExecution(revived(claim.response.body));
          return undefined;
        case 'mismatch':
          setResultAndStopExecution({ errors: [failure('This Idempotency-Key was used for a different operation or variables', 'IDEMPOTENCY_KEY_REUSED', 422)] });
          return undefined;
        case 'in-flight':
          setResultAndStopExecution({ errors: [failure('A request with this Idempotency-Key is still running; retry after it finishes', 'IDEMPOTENCY_KEY_IN_FLIGHT', 409, { 'Retry-After': '1' })] });
          return undefined;
        case 'claimed':
          return {
            async onExecuteDone({ result }) {
              if (!isAsyncIterable(result)) await keep(options, tenant, key, fingerprint, result);
            },
          };
      }
    },
    onResponse({ request, response }) {
      if (replayed.has(request)) response.headers.set('Idempotent-Replayed', 'true');
    },
  };
}

async function keep(options: GraphqlIdempotencyOptions, tenant: TenantId, key: string, fingerprint: string, result: ExecutionResult): Promise<void> {
  const status = Math.max(200, ...(result.errors ?? []).map(statusOf));
  if (status >= 500) {
    await options.store.release(tenant, key, fingerprint);
    return;
  }
  const body = JSON.stringify({ data: result.data ?? null, ...(result.errors !== undefined && { errors: result.errors.map(storedError) }) });
  await options.store.complete(tenant, key, fingerprint, { status, body, headers: {} }, addSeconds(options.clock.now(), options.ttlSeconds));
}

function statusOf(error: GraphQLError): number {
  const http = error.extensions['http'] as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : 200;
}

function storedError(error: GraphQLError): StoredError {
  return { message: error.message, ...(error.path !== undefined && { path: error.path }), extensions: { ...error.extensions } };
}

/** A kept result as yoga expects it, its errors GraphQL errors again (their statuses included). */
function revived(body: string): ExecutionResult {
  const stored = JSON.parse(body) as { data: Record<string, unknown> | null; errors?: StoredError[] };
  return {
    data: stored.data,
    ...(stored.errors !== undefined && {
      errors: stored.errors.map((error) => createGraphQLError(error.message, { ...(error.path !== undefined && { path: error.path }), ...(error.extensions !== undefined && { extensions: error.extensions }) })),
    }),
  };
}

function failure(message: string, code: string, status: number, headers?: Record<string, string>): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status, ...(headers !== undefined && { headers }) } } });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
