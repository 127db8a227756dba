/**
 * The subgraph's schema as written (CONTRACT §3), in source control. The server builds from it and
 * `_service { sdl }` answers it verbatim, so what a gateway composes is exactly this text. Kept as a
 * TS constant rather than a `.graphql` file so `dist` needs no asset copy.
 */
export const SUBGRAPH_SDL = /* GraphQL */ `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

"An ISO 8601 instant, always output as YYYY-MM-DDTHH:mm:ss.sssZ; a date alone means midnight UTC."
scalar DateTime

"A JSON object of string values."
scalar JSONObject

"A file of a GraphQL multipart request."
scalar Upload

enum InventoryType {
  local
  supplier
}

enum LookupKey {
  id
  sku
  sourceId
  supplierCode
}

type Inventory {
  id: Int!
  productId: Int!
  quantity: Int!
  costPrice: Float!
  supplier: String!
  supplierCode: String!
  sku: String!
  warehouseId: Int!
  companyId: Int!
  location: String!
  nextDeliveryDate: DateTime
  notes: String!
  createdAt: DateTime!
  lastModifiedAt: DateTime!
  "1 at creation; +1 on every write that changes a field."
  version: Int!
}

type ProductInventory {
  productId: Int!
  totalQuantity: Int!
  totalReservedQuantity: Int!
  localQuantity: Int!
  localReservedQuantity: Int!
  supplierQuantity: Int!
  supplierReservedQuantity: Int!
  nextDeliveryDate: DateTime
  balance: [Inventory!]!
}

"Only the key is declared here: the catalog subgraph owns every other Product field."
type Product @key(fields: "id") {
  id: Int!
  "Stock of this product, optionally in one warehouse; zeros when it has no records."
  inventory(warehouseId: Int): ProductInventory!
}

"One page of product aggregates, with the paging fields of the REST envelope."
type ProductInventoryPage {
  items: [ProductInventory!]!
  page: Int!
  offset: Int!
  itemsFound: Int!
  pages: Int!
  start: Int!
  end: Int!
}

"The search filters and paging of POST /v2/inventory/search; every given list restricts the records."
input InventorySearchInput {
  productIds: [Int!]
  skus: [String!]
  warehouseIds: [Int!]
  warehouseId: Int
  locations: [String!]
  location: String
  inventoryType: InventoryType
  suppliers: [String!]
  companyIds: [Int!]
  modifiedSince: DateTime
  page: Int = 1
  "Page size, 1 to 1000."
  offset: Int = 12
}

"A new record for a product named by productId, or by lookupKey and key (with source or supplier where the key needs one)."
input CreateInventoryInput {
  type: InventoryType!
  productId: Int
  lookupKey: LookupKey
  key: String
  source: String
  quantity: Int!
  warehouseId: Int
  companyId: Int
  location: String
  supplier: String
  supplierCode: String
  sku: String
  costPrice: Float
  nextDeliveryDate: DateTime
  notes: String
}

"Fields left out stay untouched; nextDeliveryDate: null clears the date."
input UpdateInventoryInput {
  quantity: Int
  costPrice: Float
  nextDeliveryDate: DateTime
  notes: String
  sku: String
  supplierCode: String
  location: String
  warehouseId: Int
  companyId: Int
}

"One bulk item: the lookup field of the request's lookupKey (productId, sku, sourceId or supplierCode) and the stock."
input BulkInventoryItemInput {
  productId: Int
  sku: String
  sourceId: String
  source: String
  supplierCode: String
  supplier: String
  quantity: Int
  warehouseId: Int
  companyId: Int
  location: String
  costPrice: Float
  nextDeliveryDate: DateTime
  notes: String
  "The version the record must have before this write; 0 = it must not exist yet (VERSION_CONFLICT otherwise)."
  expectedVersion: Int
}

enum BulkUpsertAction {
  create
  update
}

type ErrorDetail {
  path: String!
  message: String!
}

type BulkItemError {
  "The error's extensions code, e.g. BAD_USER_INPUT or PRODUCT_NOT_FOUND."
  code: String!
  "The REST error type, e.g. SchemaValidationException or ProductNotFound."
  type: String!
  messages: [String!]!
  details: [ErrorDetail!]!
}

type BulkUpsertItemResult {
  index: Int!
  success: Boolean!
  action: BulkUpsertAction
  "false when the item equalled the stored record, which was left untouched."
  changed: Boolean
  id: Int
  lookupKey: LookupKey!
  key: String
  error: BulkItemError
}

"One result per item, in request order."
type BulkUpsertResult {
  total: Int!
  items: [BulkUpsertItemResult!]!
}

input InventoryCsvInput {
  file: Upload!
  mappings: [InventoryCsvMapping!]
  dryRun: Boolean = false
}

input InventoryCsvMapping {
  csvHeader: String!
  fieldName: InventoryFieldName!
}

enum InventoryFieldName {
  LOOKUP_KEY
  INVENTORY_TYPE
  QUANTITY
  SKU
  SUPPLIER_CODE
  SUPPLIER
  PRODUCT_ID
  SOURCE_ID
  SOURCE_NAME
  WAREHOUSE_ID
  COMPANY_ID
  COMPANY_SOURCE_ID
  COMPANY_SOURCE_NAME
  LOCATION
  COST_PRICE
  NEXT_DELIVERY_DATE
  NOTES
}

type CsvImportResponse {
  importedCount: Int!
  createdCount: Int!
  updatedCount: Int!
  errors: [CsvRecordError!]!
}

type CsvRecordError {
  code: CsvRecordErrorCode!
  messages: [String!]!
  record: JSONObject
  rowNumber: Int
}

enum CsvRecordErrorCode {
  VALIDATION
  DB_INSERT
  UNKNOWN
}

type Query {
  inventory(id: Int!): Inventory!
  "source qualifies a sourceId lookup, supplier a supplierCode lookup."
  productInventory(lookupKey: LookupKey!, key: String!, source: String, supplier: String, warehouseId: Int): ProductInventory!
  inventorySearch(input: InventorySearchInput!): ProductInventoryPage!
}

type Mutation {
  inventoryCreate(input: CreateInventoryInput!): Inventory!
  "With expectedVersion, the update happens only at that version (VERSION_CONFLICT otherwise)."
  inventoryUpdate(id: Int!, input: UpdateInventoryInput!, expectedVersion: Int): Inventory!
  "With expectedVersion, the delete happens only at that version (VERSION_CONFLICT otherwise)."
  inventoryDelete(id: Int!, expectedVersion: Int): Boolean!
  "source or supplier applies to every item that does not carry its own."
  inventoryBulkUpsert(lookupKey: LookupKey!, type: InventoryType!, source: String, supplier: String, items: [BulkInventoryItemInput!]!): BulkUpsertResult!
  inventoryCsvImport(input: InventoryCsvInput!): CsvImportResponse!
}
`;
