import { Readable } from 'node:stream';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
import { byteLimit } from '@inventory/csv';
import { createGraphQLError, type GraphQLParams } from 'graphql-yoga';
import { UploadSlot } from './upload-slot.js';

export interface MultipartLimits {
  /** Largest `operations` or `map` field. */
  readonly fieldBytes: number;
  /** Largest whole body, files included. */
  readonly bodyBytes: number;
}

/** Most files one request may carry. */
const MAX_FILES = 10;

/**
 * Parses a GraphQL multipart request (graphql-multipart-request-spec) while it streams: the
 * operations are handed over as soon as `operations` and `map` have arrived, with an
 * {@link UploadSlot} in place of each file, so execution and the import run while the files are
 * still arriving. Files are never buffered whole. Returns the slots so the caller can discard
 * whatever is left unread once the response is out.
 */
export function parseMultipartStreaming(request: Request, limits: MultipartLimits): { params: Promise<GraphQLParams>; slots: Map<string, UploadSlot> } {
  const slots = new Map<string, UploadSlot>();
  const params = new Promise<GraphQLParams>((resolve, reject) => {
    let operations: Record<string, unknown> | undefined;
    let settled = false;
    const done = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      if (error !== undefined || operations === undefined) reject(error ?? badRequest('Missing multipart form field "operations"'));
      else resolve(operations);
    };
    const failAll = (error: Error): void => {
      done(error);
      for (const slot of slots.values()) slot.fail(error);
    };
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' }, limits: { fieldSize: limits.fieldBytes, fields: 2, files: MAX_FILES } });
    } catch {
      done(badRequest('POST body sent invalid multipart data: the content type has no boundary'));
      return;
    }
    busboy.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) failAll(tooLarge(`Multipart form field "${name}" is larger than ${limits.fieldBytes} bytes`));
      else if (name === 'operations') operations = operationsOf(value, failAll);
      else if (name === 'map' && operations !== undefined) {
        const map = mapOf(value, failAll);
        if (map === undefined) return;
        for (const [key, paths] of Object.entries(map)) {
          const slot = new UploadSlot();
          slots.set(key, slot);
          for (const path of paths) setPath(operations, path, slot.file);
        }
        done(undefined);
      } else if (name === 'map') failAll(badRequest('Multipart form field "operations" must come before "map"'));
    });
    busboy.on('file', (name, stream: BusboyFileStream) => {
      const slot = slots.get(name);
      if (slot === undefined || slot.attached) discard(stream);
      else slot.attach(stream, (cause) => badRequest(`POST body sent invalid multipart data: ${cause.message}`));
    });
    busboy.on('finish', () => {
      done(undefined);
      for (const [key, slot] of slots) if (!slot.attached) slot.fail(badRequest(`Multipart file "${key}" of the map was not sent`));
    });
    busboy.on('error', (error: Error) => {
      failAll(badRequest(`POST body sent invalid multipart data: ${error.message}`));
    });
    // Native or a fetch ponyfill's web stream: both are async iterables (Node's types omit it).
    const body = Readable.from((request.body ?? []) as AsyncIterable<Uint8Array> | Uint8Array[]);
    body.on('error', (error: Error) => failAll(badRequest(`The request body could not be read: ${error.message}`)));
    const limit = byteLimit(limits.bodyBytes, () => tooLarge('Request body too large'));
    limit.on('error', (error: Error) => {
      failAll(error);
      // The answer goes out now; the rest of the body flows into nothing so the connection stays usable.
      body.resume();
    });
    body.pipe(limit).pipe(busboy);
  });
  return { params, slots };
}

/** Reads a file part nobody asked for into nothing; a body cut short inside it is no crash. */
function discard(stream: BusboyFileStream): void {
  stream.on('error', () => undefined);
  stream.resume();
}

function operationsOf(text: string, fail: (error: Error) => void): Record<string, unknown> | undefined {
  const value = parseJson(text);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  fail(badRequest('Multipart form field "operations" must be a JSON object'));
  return undefined;
}

/**
 * The `map` field: each file at exactly one path. The spec allows one file at several paths, but
 * a file here is a stream read once while it arrives: a second reader would find it consumed only
 * after the first had written its rows, so such a map is refused before anything runs.
 */
function mapOf(text: string, fail: (error: Error) => void): Record<string, string[]> | undefined {
  const value = parseJson(text);
  const valid = typeof value === 'object' && value !== null && Object.values(value).every((paths) => Array.isArray(paths) && paths.every((path) => typeof path === 'string'));
  if (!valid) {
    fail(badRequest('Multipart form field "map" must be a JSON object of string arrays'));
    return undefined;
  }
  const map = value as Record<string, string[]>;
  const shared = Object.entries(map).find(([, paths]) => paths.length !== 1);
  if (shared !== undefined) {
    fail(badRequest(`Multipart file "${shared[0].slice(0, 64)}" must be mapped to exactly one variable, not ${shared[1].length}: an upload is a stream read once`));
    return undefined;
  }
  return map;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Places a file at a dotted path of the operations (`variables.file`, `variables.input.file`). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current: Record<string, unknown> = target;
  for (const [index, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
    if (index === keys.length - 1) current[key] = value;
    else {
      const next = current[key];
      if (typeof next !== 'object' || next === null || !Object.hasOwn(current, key)) current[key] = {};
      current = current[key] as Record<string, unknown>;
    }
  }
}

function badRequest(message: string): Error {
  return createGraphQLError(message, { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

function tooLarge(message: string): Error {
  return createGraphQLError(message, { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}
