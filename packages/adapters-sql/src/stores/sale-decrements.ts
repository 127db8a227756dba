import { LOCAL_SUPPLIER, type HoldLine, type IsoInstant, type TenantId } from '@inventory/core';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

/** What a hold commit took from one record: the ledger's `sale` movement for it. */
export interface SaleDecrement {
  readonly inventoryId: number;
  readonly productId: number;
  readonly delta: number;
  readonly quantityAfter: number;
}

/**
 * Every stock decrement of a hold commit, inside the commit's transaction — the one place a
 * movement ledger hooks into (reason `sale`, reference = the hold's reference). Per line, in
 * product order: the database computes the split over the scope's company-free records (local
 * first, then supplier, each in id order and down to zero, the rest from the last one, as core's
 * `saleSplit`), then subtracts it with `quantity = quantity - take`, so a concurrent write of the
 * same record is never lost; each changed record gets `version` + 1 and `lastModifiedAt` = now.
 */
export async function decrementForSale(executor: SqlExecutor, tenant: TenantId, lines: readonly HoldLine[], now: IsoInstant): Promise<SaleDecrement[]> {
  const decrements: SaleDecrement[] = [];
  for (const line of [...lines].sort((a, b) => a.productId - b.productId)) {
    const takes = await saleTakes(executor, tenant, line);
    if (takes.length === 0) continue;
    const params = new SqlParams(executor.dialect);
    const cases = takes.map(({ id, take }) => `WHEN ${params.int(id)} THEN ${params.int(take)}`).join(' ');
    const sql = `UPDATE inventory SET quantity = quantity - CASE id ${cases} ELSE 0 END, version = version + 1, last_modified_at = ${params.instant(now)}
      WHERE tenant = ${params.text(tenant)} AND ${params.inList('id', takes.map(({ id }) => id), 'int')} RETURNING id, quantity`;
    const after = new Map((await executor.all(sql, params.values)).map((row) => [row['id'] as number, row['quantity'] as number]));
    for (const { id, take } of takes) decrements.push({ inventoryId: id, productId: line.productId, delta: -take, quantityAfter: after.get(id) ?? 0 });
  }
  return decrements;
}

/** The split of one line, computed by the database over the records as they are now. */
async function saleTakes(executor: SqlExecutor, tenant: TenantId, line: HoldLine): Promise<{ id: number; take: number }[]> {
  const params = new SqlParams(executor.dialect);
  const order = `ORDER BY CASE WHEN supplier = '${LOCAL_SUPPLIER}' THEN 0 ELSE 1 END, id`;
  const positive = 'CASE WHEN quantity > 0 THEN quantity ELSE 0 END';
  const asked = params.int(line.quantity);
  const scope = [`tenant = ${params.text(tenant)}`, `product_id = ${params.int(line.productId)}`, 'company_id = 0'];
  if (line.warehouseId !== null) scope.push(`warehouse_id = ${params.int(line.warehouseId)}`);
  const sql = `SELECT id, CASE WHEN rank_no = record_count THEN (CASE WHEN need > 0 THEN need ELSE 0 END) WHEN need <= 0 THEN 0 WHEN need < positive THEN need ELSE positive END AS take
    FROM (SELECT id, ${positive} AS positive, ${asked} - COALESCE(SUM(${positive}) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS need,
      ROW_NUMBER() OVER (${order}) AS rank_no, COUNT(*) OVER () AS record_count
      FROM inventory WHERE ${scope.join(' AND ')}) AS plan
    ORDER BY rank_no`;
  return (await executor.all(sql, params.values)).map((row) => ({ id: row['id'] as number, take: executor.dialect.readInteger(row['take']) })).filter(({ take }) => take !== 0);
}
