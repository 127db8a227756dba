import { parseDecimal5, decimal5FromNumber, type Decimal5 } from './decimal5.js';
import type { Issue } from './errors.js';
import { LIMITS } from './field-limits.js';
import { parseIsoInstant, type IsoInstant } from './instant.js';
import { IssueCollector } from './value-rules.js';

/**
 * Inventory fields as a client sends them, already of the right JS types (the edges check shape).
 * `costPrice` may be a number (JSON) or decimal text (CSV); dates are ISO 8601 text.
 */
export interface InventoryFieldsInput {
  readonly quantity?: number;
  readonly warehouseId?: number;
  readonly companyId?: number;
  readonly location?: string;
  readonly supplier?: string;
  readonly supplierCode?: string;
  readonly sku?: string;
  readonly costPrice?: number | string;
  readonly nextDeliveryDate?: string | null;
  readonly notes?: string;
}

/** The checked input, with cost price and delivery date in their exact forms. */
export interface CheckedInventoryFields {
  readonly issues: readonly Issue[];
  readonly costPrice?: Decimal5;
  readonly nextDeliveryDate?: IsoInstant | null;
}

/** Applies every value rule (docs/rest.md) to the fields that are present. */
export function checkInventoryFields(input: InventoryFieldsInput): CheckedInventoryFields {
  const check = new IssueCollector();
  check.integer('quantity', input.quantity, LIMITS.quantity.min, LIMITS.quantity.max);
  check.id('warehouseId', input.warehouseId, 0);
  check.id('companyId', input.companyId, 0);
  check.maxLength('location', input.location, LIMITS.location);
  check.maxLength('supplier', input.supplier, LIMITS.supplier);
  check.maxLength('supplierCode', input.supplierCode, LIMITS.supplierCode);
  check.maxLength('sku', input.sku, LIMITS.sku);
  check.maxLength('notes', input.notes, LIMITS.notes);
  const costPrice = checkCostPrice(check, 'costPrice', input.costPrice);
  const nextDeliveryDate = checkDate(check, 'nextDeliveryDate', input.nextDeliveryDate);
  return {
    issues: check.issues,
    ...(costPrice !== undefined && { costPrice }),
    ...(nextDeliveryDate !== undefined && { nextDeliveryDate }),
  };
}

export function checkCostPrice(check: IssueCollector, path: string, value: number | string | undefined): Decimal5 | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'number' ? decimal5FromNumber(value) : parseDecimal5(value);
  if (typeof parsed === 'string') {
    check.add(path, parsed);
    return undefined;
  }
  return parsed;
}

function checkDate(check: IssueCollector, path: string, value: string | null | undefined): IsoInstant | null | undefined {
  if (value === undefined || value === null) return value;
  const parsed = parseIsoInstant(value);
  if (parsed === undefined) check.add(path, 'must be an ISO 8601 date or date-time');
  return parsed;
}
