import type { Issue, PageInfo } from '@inventory/core';
import type { WireError } from '../errors/error-table.js';

/** `{ data, messages, total }` (docs/rest.md); `total` counts the items in `data`, 1 for a single object. */
export interface SuccessEnvelope<T> {
  readonly data: T;
  readonly messages: readonly string[];
  readonly total: number;
}

export type PaginatedEnvelope<T> = SuccessEnvelope<readonly T[]> & PageInfo;

export interface ErrorEnvelope {
  readonly error: {
    readonly code: number;
    readonly status: number;
    readonly type: string;
    readonly messages: readonly string[];
    readonly details?: readonly Issue[];
  };
}

export function singleEnvelope<T>(data: T, messages: readonly string[] = []): SuccessEnvelope<T> {
  return { data, messages, total: 1 };
}

export function listEnvelope<T>(data: readonly T[], messages: readonly string[] = []): SuccessEnvelope<readonly T[]> {
  return { data, messages, total: data.length };
}

export function paginatedEnvelope<T>(data: readonly T[], page: PageInfo, messages: readonly string[]): PaginatedEnvelope<T> {
  return { data, messages, total: data.length, ...page };
}

export function errorEnvelope(wire: WireError, message: string, details: readonly Issue[] = []): ErrorEnvelope {
  return {
    error: {
      code: wire.code,
      status: wire.status,
      type: wire.type,
      messages: [message],
      ...(details.length > 0 && { details }),
    },
  };
}
