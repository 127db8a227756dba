export { createSubgraph, type Subgraph } from './create-subgraph.js';
export type { SubgraphDeps, SubgraphLimits } from './subgraph-deps.js';
export type { CsvFile, CsvImport, CsvImportOptions, CsvImportResult, CsvMapping, CsvRowError, InventoryFieldName } from './csv-import.js';
export { SUBGRAPH_SDL } from './schema/subgraph-sdl.js';
export { ERROR_CODES, type GraphqlErrorMapping } from './errors/error-codes.js';
