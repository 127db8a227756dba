/** The value rules (docs/rest.md), stated once for core, the edges' schemas and docs. */
export const LIMITS = {
  quantity: { min: -1_000_000_000, max: 1_000_000_000 },
  supplier: 35,
  supplierCode: 30,
  sku: 30,
  location: 35,
  notes: 255,
  source: 64,
  sourceId: 64,
  idMax: 2_147_483_647,
  reference: 255,
} as const;

/** Supplier name that marks local (own) stock. */
export const LOCAL_SUPPLIER = 'INTERN';
