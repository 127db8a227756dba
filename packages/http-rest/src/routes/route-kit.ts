import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Authenticator, Scope, TenantId, WriteOrigin } from '@inventory/core';
import type { Request, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { principalOf, requireScope } from '../auth/require-scope.js';
import { ERROR_TABLE, type RestErrorCode } from '../errors/error-table.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { sendPlainJson } from './plain-json-reply.js';
import type { OpenApiTag } from '../openapi/openapi-document.js';
import { errorSchema } from '../openapi/response-schemas.js';

export interface Reply {
  readonly status: number;
  /** Undefined for an answer without a body (304). */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext<P, Q> {
  /** From the token only; never from the request's content. */
  readonly tenant: TenantId;
  /** The channel and the token's client, recorded on stock movements. */
  readonly origin: WriteOrigin;
  readonly params: P;
  readonly query: Q;
  /** The parsed JSON body (undefined without one); routes check it with their own schema. */
  readonly body: unknown;
  /** The raw request, for a route that streams its body itself (see `streamedBody`). */
  readonly request: Request;
}

type ParamsSchema = z.ZodObject;

export interface RouteSpec<P extends ParamsSchema, Q extends ParamsSchema> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/v2/inventory/id/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** What the operation does beyond its summary: limits, defaults, edge cases (the linter asks for one). */
  readonly description: string;
  readonly tag: OpenApiTag;
  readonly scope: Scope;
  readonly params: P;
  readonly query: Q;
  /** Documents the JSON body; a route with a body also gets the size-limited JSON reader. */
  readonly body?: z.ZodType;
  /** False when the route also runs without any body (its handler gets `undefined`); default true. */
  readonly bodyRequired?: boolean;
  /** Documents a body the route streams itself, by media type; it gets no JSON reader. */
  readonly streamedBody?: Readonly<Record<string, z.ZodType>>;
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
  /** Failures the route documents besides the ones every route can answer. */
  readonly errors: readonly RestErrorCode[];
  /** False for a write that does not take `Idempotency-Key` (CSV import); every other write does. */
  readonly idempotent?: boolean;
  handle(context: RouteContext<z.output<P>, z.output<Q>>): Promise<Reply>;
}

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description: 'Makes a retry safe: the first request with a key runs and its answer is replayed (with `Idempotent-Replayed: true`) to repeats with the same method, path and body; another request with the key is 422, a repeat while the first runs is 409. 1–255 visible ASCII characters.',
  schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
};
const EVERY_ROUTE: readonly RestErrorCode[] = ['UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL', 'SERVICE_UNAVAILABLE'];
const KEYED: readonly RestErrorCode[] = ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_FLIGHT'];
const WITH_BODY: readonly RestErrorCode[] = ['INVALID_JSON', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/**
 * Declares each route once: the express handler chain (authenticate and require the scope, read
 * the JSON body within the size limit, check params and query with the route's strict schemas)
 * and its OpenAPI operation come from the same spec and the same zod schemas.
 */
export class RouteKit {
  constructor(
    private readonly router: Router,
    private readonly registry: OpenAPIRegistry,
    private readonly authenticator: Authenticator,
    /** Refuses other media types (415), then reads the JSON body within the size limit. */
    private readonly jsonBody: readonly RequestHandler[],
    /** The `Idempotency-Key` step of write routes; absent, the header is ignored. */
    private readonly idempotency?: RequestHandler,
  ) {}

  add<P extends ParamsSchema, Q extends ParamsSchema>(spec: RouteSpec<P, Q>): void {
    this.registry.registerPath(openApiOperation(spec));
    // Reads carry no Idempotency-Key step (which wraps `res.json`), so their plain answers skip express's send.
    const plain = spec.method === 'get';
    const handler: RequestHandler = async (req, res) => {
      const params = parseOrThrow(spec.params, req.params, 'path parameters');
      const query = parseOrThrow(spec.query, req.query, 'query parameters');
      const principal = principalOf(req);
      const origin: WriteOrigin = { channel: 'rest', clientId: principal.subject };
      const reply = await spec.handle({ tenant: principal.tenant, origin, params, query, body: req.body as unknown, request: req });
      if (reply.headers !== undefined) res.set(reply.headers);
      if (reply.body === undefined) res.status(reply.status).end();
      else if (plain && reply.headers === undefined) sendPlainJson(res, reply.status, reply.body);
      else res.status(reply.status).json(reply.body);
    };
    const keyed = spec.method !== 'get' && spec.idempotent !== false && this.idempotency !== undefined ? [this.idempotency] : [];
    const chain = [requireScope(this.authenticator, spec.scope), ...(spec.body === undefined ? [] : this.jsonBody), ...keyed, handler];
    this.router[spec.method](expressPath(spec.path), ...chain);
  }
}

function openApiOperation<P extends ParamsSchema, Q extends ParamsSchema>(spec: RouteSpec<P, Q>): Parameters<OpenAPIRegistry['registerPath']>[0] {
  const responses: Record<number, ResponseConfig> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[Number(status)] = { description: response.description, ...(response.schema !== undefined && { content: { 'application/json': { schema: response.schema } } }) };
  }
  const keyed = spec.method !== 'get' && spec.idempotent !== false;
  const failures = new Set([...spec.errors, ...EVERY_ROUTE, ...(spec.body === undefined ? [] : WITH_BODY), ...(keyed ? KEYED : [])]);
  for (const [status, codes] of groupByStatus(failures)) {
    responses[status] = { description: codes.join('; '), content: { 'application/json': { schema: errorSchema } } };
  }
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: [{ oauth2: [spec.scope] }],
    ...(keyed && { parameters: [IDEMPOTENCY_KEY_PARAMETER] }),
    request: {
      params: spec.params,
      query: spec.query,
      ...(spec.body !== undefined && { body: { required: spec.bodyRequired ?? true, content: { 'application/json': { schema: spec.body } } } }),
      ...(spec.streamedBody !== undefined && { body: { required: true, content: Object.fromEntries(Object.entries(spec.streamedBody).map(([type, schema]) => [type, { schema }])) } }),
    },
    responses,
  };
}

function groupByStatus(codes: ReadonlySet<RestErrorCode>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const code of codes) {
    const wire = ERROR_TABLE[code];
    groups.set(wire.status, [...(groups.get(wire.status) ?? []), `${wire.code} ${wire.type}`]);
  }
  return new Map([...groups].sort(([a], [b]) => a - b));
}

function expressPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ':$1');
}
