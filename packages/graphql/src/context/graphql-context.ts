import type { InventoryService, TenantId, WriteOrigin } from '@inventory/core';
import type { YogaInitialContext } from 'graphql-yoga';
import type { CsvImport } from '../csv-import.js';
import type { ResultBudget } from '../hardening/result-budget.js';
import type { ProductInventoryLoader } from './product-inventory-loader.js';

/** What the subgraph adds to yoga's context per request: the token's tenant, never one from the request's content. */
export interface RequestScope {
  readonly tenant: TenantId;
  /** The channel and the token's client, recorded on stock movements. */
  readonly origin: WriteOrigin;
  readonly service: InventoryService;
  readonly productInventory: ProductInventoryLoader;
  readonly importCsv: CsvImport | undefined;
  /** What is left of the values this request may produce. */
  readonly budget: ResultBudget;
}

/** What every resolver sees. */
export type GraphqlContext = YogaInitialContext & RequestScope;
