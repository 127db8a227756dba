import { shortLines, startOfUtcDay, type HoldPlacement, type IsoInstant, type NewHold, type TenantId } from '@inventory/core';
import { readHolds } from '../sql/hold-rows.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import type { SqlTransactions } from '../sql/sql-transactions.js';
import { SqlReadModel } from './sql-read-model.js';

/** Places one hold race-free (docs/holds.md); each dialect its own way. */
export interface HoldPlacer {
  place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement>;
}

/**
 * PostgreSQL: one call of the `place_hold` function (migration 006), in its own implicit
 * transaction. Its per-product advisory locks are held only while the server runs it and commits,
 * never across a client round trip — what keeps a hot product's throughput near a plain UPDATE's.
 */
export class PgHoldPlacer implements HoldPlacer {
  constructor(private readonly executor: SqlExecutor) {}

  async place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement> {
    const { lines } = hold;
    const rows = await this.executor.all('SELECT out_hold, out_line, out_requested, out_available FROM place_hold($1::text, $2::text, $3::timestamptz, $4::timestamptz, $5::int[], $6::int[], $7::int[])', [
      tenant,
      hold.reference,
      now,
      hold.expiresAt,
      lines.map((line) => line.productId),
      lines.map((line) => line.warehouseId),
      lines.map((line) => line.quantity),
    ]);
    const placed = rows.find((row) => row['out_hold'] !== null);
    if (placed === undefined) {
      const shortages = rows.map((row) => ({ line: row['out_line'] as number, requested: row['out_requested'] as number, available: this.executor.dialect.readInteger(row['out_available']) }));
      return { status: 'short', shortages };
    }
    return { status: 'placed', hold: { id: String(placed['out_hold']), reference: hold.reference, status: 'active', expiresAt: hold.expiresAt, createdAt: now, lines } };
  }
}

/**
 * SQLite: `BEGIN IMMEDIATE` holds the file's only write lock, so inside one write transaction no
 * other placement — of this process or another — can interleave: mark lapsed holds expired, read
 * availability through the read model's own aggregate, check with core's `shortLines`, insert.
 */
export class TransactionalHoldPlacer implements HoldPlacer {
  constructor(private readonly transactions: SqlTransactions) {}

  place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement> {
    return this.transactions.transaction(async (executor): Promise<HoldPlacement> => {
      const productIds = [...new Set(hold.lines.map((line) => line.productId))].sort((a, b) => a - b);
      await expireLapsed(executor, tenant, productIds, now);
      const available = await availability(executor, tenant, hold, now);
      const shortages = shortLines(hold.lines, (productId, warehouseId) => available.get(`${productId}/${warehouseId ?? ''}`) ?? 0);
      if (shortages.length > 0) return { status: 'short', shortages };
      const params = new SqlParams(executor.dialect);
      const [inserted] = await executor.all(
        `INSERT INTO holds (tenant, reference, status, expires_at, created_at) VALUES (${params.text(tenant)}, ${params.text(hold.reference)}, 'active', ${params.instant(hold.expiresAt)}, ${params.instant(now)}) RETURNING id`,
        params.values,
      );
      const id = inserted?.['id'] as number;
      const lineParams = new SqlParams(executor.dialect);
      const values = hold.lines.map((line, index) => `(${lineParams.int(id)}, ${lineParams.int(index)}, ${lineParams.text(tenant)}, ${lineParams.int(line.productId)}, ${lineParams.bind('int', line.warehouseId)}, ${lineParams.int(line.quantity)}, ${lineParams.instant(hold.expiresAt)})`);
      await executor.run(`INSERT INTO hold_lines (hold_id, line_no, tenant, product_id, warehouse_id, quantity, active_until) VALUES ${values.join(', ')}`, lineParams.values);
      const [placed] = await readHolds(executor, tenant, [id]);
      if (placed === undefined) throw new Error('a hold just inserted could not be read back');
      return { status: 'placed', hold: placed };
    });
  }
}

/**
 * Holds of these products whose expiry has passed become `expired` before anything is decided,
 * under the products' locks: a later extend or commit, whatever clock it read, then finds them
 * no longer active, so stock a placement took from a lapsed hold can never be held twice.
 */
export async function expireLapsed(executor: SqlExecutor, tenant: TenantId, productIds: readonly number[], now: IsoInstant): Promise<void> {
  const params = new SqlParams(executor.dialect);
  const lapsed = `tenant = ${params.text(tenant)} AND ${params.inList('product_id', productIds, 'int')} AND active_until <= ${params.instant(now)}`;
  const rows = await executor.all(`SELECT DISTINCT hold_id FROM hold_lines WHERE ${lapsed}`, params.values);
  if (rows.length === 0) return;
  const ids = rows.map((row) => row['hold_id'] as number);
  await markExpired(executor, ids);
}

/** Marks active holds expired and stops their lines counting. */
export async function markExpired(executor: SqlExecutor, ids: readonly number[]): Promise<number> {
  const lines = new SqlParams(executor.dialect);
  await executor.run(`UPDATE hold_lines SET active_until = NULL WHERE ${lines.inList('hold_id', ids, 'int')}`, lines.values);
  const holds = new SqlParams(executor.dialect);
  return executor.run(`UPDATE holds SET status = 'expired' WHERE ${holds.inList('id', ids, 'int')} AND status = 'active'`, holds.values);
}

/** Available quantity per scope a hold touches, keyed `product/warehouse` ('' for the product as a whole). */
async function availability(executor: SqlExecutor, tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<Map<string, number>> {
  const readModel = new SqlReadModel(executor);
  const options = { startOfToday: startOfUtcDay(now), now, withBalance: false };
  const found = new Map<string, number>();
  const productIds = [...new Set(hold.lines.map((line) => line.productId))];
  for (const aggregate of await readModel.aggregate(tenant, productIds, {}, options)) found.set(`${aggregate.productId}/`, aggregate.availableQuantity);
  const warehouses = [...new Set(hold.lines.flatMap((line) => (line.warehouseId === null ? [] : [line.warehouseId])))];
  for (const warehouseId of warehouses) {
    const inWarehouse = [...new Set(hold.lines.filter((line) => line.warehouseId === warehouseId).map((line) => line.productId))];
    for (const aggregate of await readModel.aggregate(tenant, inWarehouse, { warehouseIds: [warehouseId] }, options)) found.set(`${aggregate.productId}/${warehouseId}`, aggregate.availableQuantity);
  }
  return found;
}
