import type { Authenticator, InventoryService } from '@inventory/core';
import type { YogaLogger } from 'graphql-yoga';
import type { CsvImport } from './csv-import.js';
import type { GraphqlIdempotencyOptions } from './idempotency/idempotency-plugin.js';

/** Limits that reject abusive requests before any resolver runs. */
export interface SubgraphLimits {
  /** Deepest field nesting of a document. */
  readonly maxDepth: number;
  /** Most aliases in a document. */
  readonly maxAliases: number;
  /** Highest graphql-armor cost of a document. */
  readonly maxCost: number;
  /**
   * Most values one response may hold: estimated before execution with list sizes counted
   * (representations, page size, bulk items, an assumed balance length), then counted while the
   * lists are read; default 250 000.
   */
  readonly maxResultValues?: number;
  /** Most representations of one `_entities` call. */
  readonly maxEntities: number;
  /** Largest request body, and largest text field of a multipart request (HTTP 413 beyond). */
  readonly bodyLimitBytes: number;
  /** Largest file of a multipart upload, streamed to the importer; default `bodyLimitBytes`. */
  readonly uploadLimitBytes?: number;
  /** Most lexical tokens of a document; default 2000. */
  readonly maxTokens?: number;
  /** Most directives of a document; default 50. */
  readonly maxDirectives?: number;
}

export interface SubgraphDeps {
  /** The core facade: the same use cases REST calls. */
  readonly service: InventoryService;
  /** Tenant and scopes come only from the principal it returns. */
  readonly authenticator: Authenticator;
  /** Backs `inventoryCsvImport`; without it the mutation answers NOT_IMPLEMENTED. */
  readonly importCsv?: CsvImport;
  /** NODE_ENV=production: introspection, GraphiQL and field suggestions off. */
  readonly production: boolean;
  readonly limits: SubgraphLimits;
  /** Keeps results of mutations carrying an `Idempotency-Key`; without it the header is ignored. */
  readonly idempotency?: GraphqlIdempotencyOptions;
  /** Where unexpected (masked) errors are logged; yoga's console logger by default. */
  readonly logger?: YogaLogger;
}
