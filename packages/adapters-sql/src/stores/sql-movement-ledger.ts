import { inventoryTypeOf, type IsoInstant, type Movement, type MovementFilter, type MovementLedger, type MovementReason, type TenantId, type WriteChannel } from '@inventory/core';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

const COLUMNS = 'id, inventory_id, product_id, supplier, supplier_code, location, warehouse_id, company_id, delta, quantity_after, reason, reference, channel, client_id';

/** The ledger in `inventory_movements`, read by tenant in id order from a cursor. */
export class SqlMovementLedger implements MovementLedger {
  constructor(private readonly executor: SqlExecutor) {}

  async list(tenant: TenantId, filter: MovementFilter, limit: number): Promise<Movement[]> {
    const params = new SqlParams(this.executor.dialect);
    const conditions = [`tenant = ${params.text(tenant)}`];
    if (filter.after !== undefined) conditions.push(`id > ${params.bind('int', filter.after)}`);
    if (filter.productId !== undefined) conditions.push(`product_id = ${params.int(filter.productId)}`);
    if (filter.inventoryId !== undefined) conditions.push(`inventory_id = ${params.int(filter.inventoryId)}`);
    if (filter.reason !== undefined) conditions.push(`reason = ${params.text(filter.reason)}`);
    if (filter.from !== undefined) conditions.push(`created_at >= ${params.instant(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`created_at < ${params.instant(filter.to)}`);
    const sql = `SELECT ${COLUMNS}, ${this.executor.dialect.instantText('created_at')} AS created_at FROM inventory_movements WHERE ${conditions.join(' AND ')} ORDER BY id LIMIT ${params.int(limit)}`;
    const rows = await this.executor.rows(sql, params.values);
    return rows.map((row) => {
      const supplier = String(row[3]);
      return {
        id: Number(row[0]),
        inventoryId: Number(row[1]),
        productId: Number(row[2]),
        inventoryType: inventoryTypeOf({ supplier }),
        warehouseId: Number(row[6]),
        location: String(row[5]),
        companyId: Number(row[7]),
        supplier,
        supplierCode: String(row[4]),
        delta: Number(row[8]),
        quantityAfter: Number(row[9]),
        reason: String(row[10]) as MovementReason,
        reference: String(row[11]),
        channel: String(row[12]) as WriteChannel,
        clientId: String(row[13]),
        createdAt: String(row[14]) as IsoInstant,
      };
    });
  }
}
