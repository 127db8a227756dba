import type { ApiClient } from './api-client.js';

/** A GraphQL answer: data and/or errors with their `extensions.code`. */
export interface GraphqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/** One GraphQL operation as a JSON POST to `/graphql`, with the client's token. */
export async function graphql<T>(api: ApiClient, query: string, variables: Readonly<Record<string, unknown>> = {}): Promise<GraphqlAnswer<T>> {
  return (await api.post<GraphqlAnswer<T>>('/graphql', { query, variables })).body;
}

/** The `extensions.code` of each error of an answer, in order. */
export function errorCodes(answer: GraphqlAnswer<unknown>): (string | undefined)[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}
