import type { SqlExecutor } from './sql-executor.js';

/** Runs work in one write transaction of the unit of work, handing it the transaction's executor. */
export interface SqlTransactions {
  transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
}
