import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PersistenceAdapters } from '@inventory/core';
import { createRestRouter } from '@inventory/http-rest';
import express from 'express';
import { postGraphql, type GraphqlResponse } from './graphql-request.js';
import { createTestSubgraph, type TestSubgraph } from './test-subgraph.js';

export interface RestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: unknown; error?: { type: string; status: number; details?: { path: string }[] }; [key: string]: unknown };
}

export interface ParityApp {
  readonly test: TestSubgraph;
  rest(method: string, path: string, token?: string, body?: unknown): Promise<RestResponse>;
  graphql(query: string, token?: string, variables?: Record<string, unknown>): Promise<GraphqlResponse>;
  close(): Promise<void>;
}

/**
 * One express app as the server composes it: the subgraph mounted with `app.use('/graphql', …)`
 * and the REST router, over the same service, authenticator and clock, on a loopback port.
 */
export async function startParityApp(adapters: PersistenceAdapters): Promise<ParityApp> {
  const test = createTestSubgraph({ adapters });
  const app = express();
  app.use('/graphql', test.subgraph.requestListener);
  app.use(createRestRouter({ service: test.service, authenticator: test.authenticator, limits: { bodyLimitBytes: 1_000_000, bulkMaxItems: 10_000 } }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    test,
    async rest(method, path, token, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as RestResponse['body'] };
    },
    graphql: (query, token, variables) => postGraphql(fetch, { url: `${base}/graphql`, query, ...(token !== undefined && { token }), ...(variables !== undefined && { variables }) }),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}
