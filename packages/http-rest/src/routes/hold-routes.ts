import { pageRequest, type InventoryService } from '@inventory/core';
import { z } from 'zod';
import { paginatedEnvelope, singleEnvelope } from '../envelope/envelopes.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import { envelopeOf, holdSchema, pageOf } from '../openapi/response-schemas.js';
import { createHoldSchema, extendHoldSchema, holdCommand, holdListQuerySchema } from './hold-schemas.js';
import { queryInteger } from './paging-fields.js';
import type { RouteKit } from './route-kit.js';

const holdParams = z.strictObject({ id: z.string().meta({ description: 'Hold id' }) });
const noQuery = z.strictObject({});
const NOT_ACTIVE = 'A hold that is committed, released or past its expiry answers 409 HoldNotActive; an unknown id, or one of another tenant, 404 HoldNotFound.';

/** Holds (docs/holds.md): place, read, list, commit, release, extend. */
export function addHoldRoutes(kit: RouteKit, service: InventoryService): void {
  kit.add({
    method: 'post',
    path: '/v2/holds',
    operationId: 'createHold',
    summary: 'Hold stock for a cart or order',
    description:
      'All lines or none: each line must fit the available quantity (totalQuantity − active holds) of its product, and of its warehouse when it names one; lines of one hold add up. Otherwise 409 InsufficientStock with one detail per short line (`lines.1`: `requested 5, available 3`) and nothing is held. Never oversells, whatever the concurrency.',
    tag: 'Holds',
    scope: 'inventory:write',
    params: noQuery,
    query: noQuery,
    body: createHoldSchema,
    responses: { 201: { description: 'The hold, active', schema: envelopeOf(holdSchema) } },
    errors: ['INSUFFICIENT_STOCK', 'PRODUCT_NOT_FOUND', 'PRODUCT_MULTIPLE_FOUND'],
    handle: async ({ tenant, body }) => {
      const hold = await service.createHold(tenant, holdCommand(parseOrThrow(createHoldSchema, body, 'hold')));
      return { status: 201, body: singleEnvelope(hold, ['Hold created']) };
    },
  });

  kit.add({
    method: 'get',
    path: '/v2/holds',
    operationId: 'listHolds',
    summary: 'List holds',
    description: 'Holds of the tenant, newest first, filtered by reference and status as they stand now; paginated like search.',
    tag: 'Holds',
    scope: 'inventory:read',
    params: noQuery,
    query: holdListQuerySchema,
    responses: { 200: { description: 'One page of holds; message `Completed`', schema: pageOf(holdSchema) } },
    errors: ['VALIDATION_FAILED', 'INVALID_PAGING'],
    handle: async ({ tenant, query }) => {
      const page = pageRequest(queryInteger(query.page), queryInteger(query.offset), service.limits.maxPageSize);
      const found = await service.listHolds(tenant, { ...(query.reference !== undefined && { reference: query.reference }), ...(query.status !== undefined && { status: query.status }) }, page);
      return { status: 200, body: paginatedEnvelope(found.items, found.page, ['Completed']) };
    },
  });

  kit.add({
    method: 'get',
    path: '/v2/holds/{id}',
    operationId: 'getHold',
    summary: 'Get one hold',
    description: 'A hold past its expiry reads as expired from that instant. An unknown id, or one of another tenant, is 404 HoldNotFound.',
    tag: 'Holds',
    scope: 'inventory:read',
    params: holdParams,
    query: noQuery,
    responses: { 200: { description: 'The hold', schema: envelopeOf(holdSchema) } },
    errors: ['HOLD_NOT_FOUND'],
    handle: async ({ tenant, params }) => ({ status: 200, body: singleEnvelope(await service.getHold(tenant, params.id)) }),
  });

  kit.add({
    method: 'post',
    path: '/v2/holds/{id}/commit',
    operationId: 'commitHold',
    summary: 'Commit a hold: take its stock',
    description: `Decrements the stock of each line's scope — local records first, then supplier records, each down to zero in id order, any remainder from the last one — and ends the hold (committed). ${NOT_ACTIVE}`,
    tag: 'Holds',
    scope: 'inventory:write',
    params: holdParams,
    query: noQuery,
    responses: { 200: { description: 'The hold, committed', schema: envelopeOf(holdSchema) } },
    errors: ['HOLD_NOT_FOUND', 'HOLD_NOT_ACTIVE'],
    handle: async ({ tenant, origin, params }) => ({ status: 200, body: singleEnvelope(await service.commitHold(tenant, params.id, origin), ['Hold committed']) }),
  });

  kit.add({
    method: 'post',
    path: '/v2/holds/{id}/release',
    operationId: 'releaseHold',
    summary: 'Release a hold',
    description: `Gives the held stock back at once; no record changes. ${NOT_ACTIVE}`,
    tag: 'Holds',
    scope: 'inventory:write',
    params: holdParams,
    query: noQuery,
    responses: { 200: { description: 'The hold, released', schema: envelopeOf(holdSchema) } },
    errors: ['HOLD_NOT_FOUND', 'HOLD_NOT_ACTIVE'],
    handle: async ({ tenant, params }) => ({ status: 200, body: singleEnvelope(await service.releaseHold(tenant, params.id), ['Hold released']) }),
  });

  kit.add({
    method: 'post',
    path: '/v2/holds/{id}/extend',
    operationId: 'extendHold',
    summary: 'Extend (or shorten) a hold',
    description: `Sets expiresAt to now + expiresIn seconds. ${NOT_ACTIVE}`,
    tag: 'Holds',
    scope: 'inventory:write',
    params: holdParams,
    query: noQuery,
    body: extendHoldSchema,
    responses: { 200: { description: 'The hold with its new expiry', schema: envelopeOf(holdSchema) } },
    errors: ['HOLD_NOT_FOUND', 'HOLD_NOT_ACTIVE'],
    handle: async ({ tenant, params, body }) => {
      const { expiresIn } = parseOrThrow(extendHoldSchema, body, 'hold extension');
      return { status: 200, body: singleEnvelope(await service.extendHold(tenant, params.id, expiresIn), ['Hold extended']) };
    },
  });
}
