import type { ErrorEnvelope } from '@inventory/http-rest';

/** Any envelope: success fields, paging fields and the error, all possibly absent. */
export interface AnyEnvelope<T = unknown> extends Partial<ErrorEnvelope> {
  readonly data: T;
  readonly messages: readonly string[];
  readonly total: number;
  readonly page?: number;
  readonly offset?: number;
  readonly itemsFound?: number;
  readonly pages?: number;
  readonly start?: number;
  readonly end?: number;
}

/** One HTTP answer with its JSON body parsed (the raw text when it is not JSON), typed by the caller. */
export interface ApiResponse<T = AnyEnvelope> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  /** Sent as-is instead of JSON-encoding a body. */
  readonly raw?: string | ReadableStream<Uint8Array>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A bearer token, or how to get one on first use (from the server's token endpoint). */
export type TokenSource = string | undefined | (() => Promise<string>);

/** A fetch client for one bearer token (or none) against a running server. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: TokenSource,
  ) {}

  get<T = AnyEnvelope>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.send<T>('GET', path, undefined, options);
  }
  post<T = AnyEnvelope>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.send<T>('POST', path, body, options);
  }
  put<T = AnyEnvelope>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.send<T>('PUT', path, body, options);
  }
  patch<T = AnyEnvelope>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.send<T>('PATCH', path, body, options);
  }
  delete<T = AnyEnvelope>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.send<T>('DELETE', path, undefined, options);
  }

  /** The Authorization header this client sends, for a test that writes its own raw request. */
  async authorization(): Promise<string | undefined> {
    const token = typeof this.token === 'function' ? await this.token() : this.token;
    return token === undefined ? undefined : `Bearer ${token}`;
  }

  async send<T = AnyEnvelope>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const token = typeof this.token === 'function' ? await this.token() : this.token;
    /** Node's fetch needs `duplex` to stream a request body. */
    const init: RequestInit & { duplex?: 'half' } = {
      method,
      headers: {
        ...(payload !== undefined && { 'content-type': 'application/json' }),
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...options.headers,
      },
      ...(payload !== undefined && { body: payload }),
      ...(payload instanceof ReadableStream && { duplex: 'half' as const }),
    };
    const response = await fetch(this.baseUrl + path, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseJson(text) as T };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
