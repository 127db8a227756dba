/** Anything that answers a fetch Request: a yoga instance, or `fetch` against a real server. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response> | Response;

export interface GraphqlResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: Record<string, unknown> | null; errors?: GraphqlErrorBody[] };
}

export interface GraphqlErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly details?: readonly { path: string; message: string }[]; readonly [key: string]: unknown };
}

/** POSTs one GraphQL operation as JSON with an optional bearer token. */
export async function postGraphql(
  fetchLike: FetchLike,
  request: { query: string; variables?: Record<string, unknown>; token?: string; url?: string; headers?: Record<string, string> },
): Promise<GraphqlResponse> {
  const response = await fetchLike(request.url ?? 'http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(request.token !== undefined && { authorization: `Bearer ${request.token}` }),
      ...request.headers,
    },
    body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlResponse['body'] };
}

/** The `data` of a response that must have succeeded; fails loudly with the errors otherwise. */
export function dataOf(response: GraphqlResponse): Record<string, unknown> {
  if (response.body.errors !== undefined || response.body.data == null) {
    throw new Error(`expected data, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.data;
}

export function firstError(response: GraphqlResponse): GraphqlErrorBody {
  const error = response.body.errors?.[0];
  if (error === undefined) throw new Error(`expected an error, got ${response.status} ${JSON.stringify(response.body)}`);
  return error;
}
