import type { InventoryRecord, IsoInstant, MovementNote, TenantId, WriteOrigin } from '@inventory/core';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';

const MOVEMENT_COLUMNS = 'tenant, inventory_id, product_id, supplier, supplier_code, location, warehouse_id, company_id, delta, quantity_after, reason, reference, channel, client_id, created_at';
const NOTE_COLUMNS = [
  ['id', 'int'],
  ['reason', 'text'],
  ['reference', 'text'],
] as const;

/** A record whose quantity a write may have changed, with what its movement should say. */
export interface NotedWrite {
  readonly id: number;
  readonly reason: MovementNote['reason'];
  readonly reference: string;
}

/**
 * Appends the movements of records this transaction has just written (docs/ledger.md), in one
 * statement: each record's delta is its quantity now minus the `quantityAfter` of its latest
 * movement, so the ledger explains the quantity whatever wrote it, and a write that left the
 * quantity as it was appends nothing. The records are locked by the write, so no other
 * transaction can slip a movement in between. Returns the new movement id of each record moved.
 */
export async function recordMovements(executor: SqlExecutor, tenant: TenantId, writes: readonly NotedWrite[], origin: WriteOrigin, now: IsoInstant): Promise<Map<number, number>> {
  if (writes.length === 0) return new Map();
  // Bound in text order, so positional placeholders line up.
  const params = new SqlParams(executor.dialect);
  const stamp = `${params.text(origin.channel)}, ${params.text(origin.clientId)}, ${params.instant(now)}`;
  const notes = params.jsonRecords(writes, NOTE_COLUMNS, 'n');
  // CROSS JOIN keeps the notes as SQLite's outer loop (PostgreSQL plans it as an inner join): with
  // the records outside, SQLite re-reads the whole JSON once per record, quadratic in the batch.
  const latest = 'SELECT m.quantity_after FROM inventory_movements m WHERE m.tenant = i.tenant AND m.inventory_id = i.id ORDER BY m.id DESC LIMIT 1';
  const sql =
    `INSERT INTO inventory_movements (${MOVEMENT_COLUMNS}) ` +
    `SELECT tenant, id, product_id, supplier, supplier_code, location, warehouse_id, company_id, delta, quantity, reason, reference, ${stamp} FROM (` +
    `SELECT i.tenant, i.id, i.product_id, i.supplier, i.supplier_code, i.location, i.warehouse_id, i.company_id, i.quantity, n.reason, n.reference, i.quantity - COALESCE((${latest}), 0) AS delta ` +
    `FROM ${notes} CROSS JOIN inventory i WHERE i.id = n.id AND i.tenant = ${params.text(tenant)}` +
    `) x WHERE delta <> 0 ORDER BY id RETURNING id, inventory_id`;
  const rows = await executor.rows(sql, params.values);
  return new Map(rows.map((row) => [Number(row[1]), Number(row[0])]));
}

/** Appends the `delete` movement of a record this transaction has just deleted: its quantity goes to 0. */
export async function recordDeletion(executor: SqlExecutor, tenant: TenantId, record: InventoryRecord, origin: WriteOrigin, now: IsoInstant): Promise<void> {
  if (record.quantity === 0) return;
  const params = new SqlParams(executor.dialect);
  const values = [
    params.text(tenant),
    params.int(record.id),
    params.int(record.productId),
    params.text(record.supplier),
    params.text(record.supplierCode),
    params.text(record.location),
    params.int(record.warehouseId),
    params.int(record.companyId),
    params.int(-record.quantity),
    params.int(0),
    params.text('delete'),
    params.text(''),
    params.text(origin.channel),
    params.text(origin.clientId),
    params.instant(now),
  ];
  await executor.run(`INSERT INTO inventory_movements (${MOVEMENT_COLUMNS}) VALUES (${values.join(', ')})`, params.values);
}
