import type { Hold, HoldLine, HoldStatus, IsoInstant } from '@inventory/core';
import type { SqlExecutor, SqlRow } from './sql-executor.js';
import { SqlParams } from './sql-params.js';

/** Hold ids are the `holds.id` integer as decimal text; anything else names no hold. */
export function holdIdOf(text: string): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : undefined;
}

/** Reads holds with their lines in one statement, in the order of `ids`. */
export async function readHolds(executor: SqlExecutor, tenant: string, ids: readonly number[]): Promise<Hold[]> {
  if (ids.length === 0) return [];
  const { dialect } = executor;
  const params = new SqlParams(dialect);
  const sql = `SELECT h.id, h.reference, h.status, ${dialect.instantText('h.expires_at')} AS expires_at, ${dialect.instantText('h.created_at')} AS created_at, l.product_id, l.warehouse_id, l.quantity
    FROM holds h JOIN hold_lines l ON l.hold_id = h.id
    WHERE h.tenant = ${params.text(tenant)} AND ${params.inList('h.id', ids, 'int')} ORDER BY h.id, l.line_no`;
  const byId = new Map<number, { row: SqlRow; lines: HoldLine[] }>();
  for (const row of await executor.all(sql, params.values)) {
    const id = row['id'] as number;
    const entry = byId.get(id) ?? { row, lines: [] };
    entry.lines.push({ productId: row['product_id'] as number, warehouseId: (row['warehouse_id'] as number | null) ?? null, quantity: row['quantity'] as number });
    byId.set(id, entry);
  }
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    if (entry === undefined) return [];
    const { row, lines } = entry;
    return [{ id: String(id), reference: row['reference'] as string, status: row['status'] as HoldStatus, expiresAt: row['expires_at'] as IsoInstant, createdAt: row['created_at'] as IsoInstant, lines }];
  });
}
