import { EMBEDDED_ORIGIN, holdStatusAt, type WriteOrigin, type Hold, type HoldChange, type HoldFilter, type HoldPage, type HoldPlacement, type HoldStore, type IsoInstant, type NewHold, type PageRequest, type TenantId } from '@inventory/core';
import { holdIdOf, readHolds } from '../sql/hold-rows.js';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlParams } from '../sql/sql-params.js';
import type { SqlTransactions } from '../sql/sql-transactions.js';
import { markExpired, type HoldPlacer } from './hold-placement.js';
import { recordMovements } from './movement-recorder.js';
import { decrementForSale } from './sale-decrements.js';

/**
 * Holds in SQL (docs/holds.md). Placement is the dialect's `HoldPlacer`; commit, release and
 * extend take the same per-product locks as placement (PostgreSQL advisory locks, ascending
 * product id; SQLite's write lock) before their conditional update, so they serialise with
 * placements and never deadlock with them: products first, then the hold's row.
 */
export class SqlHoldStore implements HoldStore {
  constructor(
    private readonly reader: SqlExecutor,
    private readonly transactions: SqlTransactions,
    private readonly placer: HoldPlacer,
  ) {}

  place(tenant: TenantId, hold: NewHold, now: IsoInstant): Promise<HoldPlacement> {
    return this.placer.place(tenant, hold, now);
  }

  async get(tenant: TenantId, id: string): Promise<Hold | undefined> {
    const holdId = holdIdOf(id);
    if (holdId === undefined) return undefined;
    const [hold] = await readHolds(this.reader, tenant, [holdId]);
    return hold;
  }

  async list(tenant: TenantId, filter: HoldFilter, page: PageRequest, now: IsoInstant): Promise<HoldPage> {
    const params = new SqlParams(this.reader.dialect);
    const where = [`tenant = ${params.text(tenant)}`];
    if (filter.reference !== undefined) where.push(`reference = ${params.text(filter.reference)}`);
    if (filter.status === 'active') where.push(`status = 'active' AND expires_at > ${params.instant(now)}`);
    else if (filter.status === 'expired') where.push(`(status = 'expired' OR (status = 'active' AND expires_at <= ${params.instant(now)}))`);
    else if (filter.status !== undefined) where.push(`status = ${params.text(filter.status)}`);
    const offset = (page.page - 1) * page.size;
    const condition = where.join(' AND ');
    const rows = await this.reader.all(`SELECT id, COUNT(*) OVER () AS found FROM holds WHERE ${condition} ORDER BY id DESC LIMIT ${params.int(page.size)} OFFSET ${params.int(offset)}`, params.values);
    const itemsFound = rows.length > 0 ? this.reader.dialect.readInteger(rows[0]?.['found']) : offset === 0 ? 0 : await this.count(condition, params.values.slice(0, -2));
    return { items: await readHolds(this.reader, tenant, rows.map((row) => row['id'] as number)), itemsFound };
  }

  commit(tenant: TenantId, id: string, now: IsoInstant, origin: WriteOrigin = EMBEDDED_ORIGIN): Promise<HoldChange> {
    return this.change(tenant, id, now, async (executor, hold, holdId) => {
      const done = await this.finish(executor, holdId, 'committed', now);
      if (done) {
        const sold = await decrementForSale(executor, tenant, hold.lines, now);
        // One movement per record, whatever number of lines took from it: the recorder derives the delta.
        const records = [...new Set(sold.map(({ inventoryId }) => inventoryId))];
        await recordMovements(executor, tenant, records.map((recordId) => ({ id: recordId, reason: 'sale' as const, reference: hold.reference })), origin, now);
      }
      return done ? { ...hold, status: 'committed' } : undefined;
    });
  }

  release(tenant: TenantId, id: string, now: IsoInstant): Promise<HoldChange> {
    return this.change(tenant, id, now, async (executor, hold, holdId) => ((await this.finish(executor, holdId, 'released', now)) ? { ...hold, status: 'released' } : undefined));
  }

  extend(tenant: TenantId, id: string, expiresAt: IsoInstant, now: IsoInstant): Promise<HoldChange> {
    return this.change(tenant, id, now, async (executor, hold, holdId) => {
      const params = new SqlParams(executor.dialect);
      const changed = await executor.run(`UPDATE holds SET expires_at = ${params.instant(expiresAt)} WHERE id = ${params.int(holdId)} AND status = 'active' AND expires_at > ${params.instant(now)}`, params.values);
      if (changed === 0) return undefined;
      const lines = new SqlParams(executor.dialect);
      await executor.run(`UPDATE hold_lines SET active_until = ${lines.instant(expiresAt)} WHERE hold_id = ${lines.int(holdId)}`, lines.values);
      return { ...hold, expiresAt };
    });
  }

  expire(now: IsoInstant): Promise<number> {
    return this.transactions.transaction(async (executor) => {
      const params = new SqlParams(executor.dialect);
      const rows = await executor.all(`SELECT id FROM holds WHERE status = 'active' AND expires_at <= ${params.instant(now)}`, params.values);
      return rows.length === 0 ? 0 : markExpired(executor, rows.map((row) => row['id'] as number));
    });
  }

  /** Ends an active hold: its lines stop counting. False when it was no longer active at `now`. */
  private async finish(executor: SqlExecutor, holdId: number, status: 'committed' | 'released', now: IsoInstant): Promise<boolean> {
    const params = new SqlParams(executor.dialect);
    const changed = await executor.run(`UPDATE holds SET status = ${params.text(status)} WHERE id = ${params.int(holdId)} AND status = 'active' AND expires_at > ${params.instant(now)}`, params.values);
    if (changed === 0) return false;
    const lines = new SqlParams(executor.dialect);
    await executor.run(`UPDATE hold_lines SET active_until = NULL WHERE hold_id = ${lines.int(holdId)}`, lines.values);
    return true;
  }

  /**
   * Reads the hold (its lines never change), locks its products in ascending order, then applies
   * the conditional change; a change that finds the hold no longer active reports `not-active`.
   */
  private change(tenant: TenantId, id: string, now: IsoInstant, apply: (executor: SqlExecutor, hold: Hold, holdId: number) => Promise<Hold | undefined>): Promise<HoldChange> {
    const holdId = holdIdOf(id);
    if (holdId === undefined) return Promise.resolve({ status: 'missing' });
    return this.transactions.transaction(async (executor): Promise<HoldChange> => {
      const [hold] = await readHolds(executor, tenant, [holdId]);
      if (hold === undefined) return { status: 'missing' };
      if (holdStatusAt(hold, now) !== 'active') return { status: 'not-active', hold };
      await lockProducts(executor, tenant, hold.lines.map((line) => line.productId));
      const changed = await apply(executor, hold, holdId);
      if (changed !== undefined) return { status: 'changed', hold: changed };
      const [current] = await readHolds(executor, tenant, [holdId]);
      return { status: 'not-active', hold: current ?? hold };
    });
  }

  private async count(condition: string, values: readonly unknown[]): Promise<number> {
    const rows = await this.reader.all(`SELECT COUNT(*) AS found FROM holds WHERE ${condition}`, values);
    return this.reader.dialect.readInteger(rows[0]?.['found'] ?? 0);
  }
}

/**
 * The per-product locks of docs/holds.md, one product at a time in ascending id order (the same
 * keys `place_hold` takes). SQLite needs none: the transaction already holds the only write lock.
 */
async function lockProducts(executor: SqlExecutor, tenant: TenantId, productIds: readonly number[]): Promise<void> {
  if (executor.dialect.name !== 'postgres') return;
  for (const productId of [...new Set(productIds)].sort((a, b) => a - b)) {
    await executor.all('SELECT pg_advisory_xact_lock(hashtext($1::text), $2::int)', [tenant, productId]);
  }
}
