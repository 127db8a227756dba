import { createGraphQLError, type FetchAPI, type Plugin } from 'graphql-yoga';
import { parseMultipartStreaming } from './multipart-stream-parser.js';
import type { UploadSlot } from './upload-slot.js';

export interface BodyLimits {
  /** Largest body of a plain GraphQL request, and of each text field of a multipart one. */
  readonly bodyLimitBytes: number;
  /** Largest file a multipart request may carry; its bytes stream to the resolver. */
  readonly uploadLimitBytes: number;
}

const CONTENT_LENGTH = /^\d+$/;

/**
 * Request bodies within their limits, with multipart uploads streamed. Yoga's own multipart parser
 * reads the whole body through `request.formData()` before execution, which would hold a CSV file
 * of any size in memory; this one hands the resolver a stream while the body arrives (see
 * {@link parseMultipartStreaming}). It replaces yoga's `maxRequestBodySize` (set it to false):
 * a JSON body keeps the body limit, a multipart body gets room for one upload more.
 */
export function useStreamingUploads(limits: BodyLimits): Plugin {
  const pending = new WeakMap<Request, Map<string, UploadSlot>>();
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart = request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
      const limit = multipart ? limits.bodyLimitBytes + limits.uploadLimitBytes : limits.bodyLimitBytes;
      checkContentLength(request.headers.get('content-length'), limit);
      if (multipart) {
        setRequestParser((parsed) => {
          const { params, slots } = parseMultipartStreaming(parsed, { fieldBytes: limits.bodyLimitBytes, bodyBytes: limit });
          pending.set(request, slots);
          return params;
        });
      } else if (requestParser !== undefined && request.body !== null) {
        const parse = requestParser;
        setRequestParser((parsed) => parse(limitedRequest(parsed, limit, fetchAPI)));
      }
    },
    onResponse({ request }) {
      for (const slot of pending.get(request)?.values() ?? []) slot.discard();
    },
  };
}

function checkContentLength(header: string | null, limit: number): void {
  if (header === null) return;
  if (!CONTENT_LENGTH.test(header)) throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
  if (Number(header) > limit) throw tooLarge();
}

/**
 * The same request with a body that fails once it passes the limit (chunked bodies have no
 * length). As in yoga: a native body takes the native TransformStream, a ponyfill one the ponyfill's.
 */
function limitedRequest(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const TransformStreamOf = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let seen = 0;
  const body = request.body?.pipeThrough(
    new TransformStreamOf<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: body ?? null, duplex: 'half' } as RequestInit);
}

function tooLarge(): Error {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}
