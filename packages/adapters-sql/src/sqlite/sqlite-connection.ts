import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  readonly busyTimeoutMs: number;
  /** The reader refuses writes, so a bug can never write outside the write lock. */
  readonly readOnly: boolean;
}

/**
 * How a statement hands back rows: objects by column name, arrays in column order (no property
 * names to set per row), or the first column's value alone.
 */
export type RowMode = 'object' | 'array' | 'value';

/**
 * One better-sqlite3 connection with its prepared statements cached by SQL text and row mode.
 * Statement texts depend only on statement shape (lists bind as one parameter, chunks have few
 * sizes), so the cache stays small.
 */
export class SqliteConnection {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    filename: string,
    private readonly options: SqliteConnectionOptions,
  ) {
    try {
      this.db = new Database(filename, { timeout: options.busyTimeoutMs });
      if (!options.readOnly && filename !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      if (options.readOnly) this.db.pragma('query_only = ON');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new Error(`Cannot open the SQLite database ${filename}${typeof code === 'string' ? ` (${code})` : ''}`, { cause: error });
    }
  }

  statement(sql: string, mode: RowMode = 'object'): Database.Statement {
    const key = mode === 'object' ? sql : `${mode}:${sql}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (mode === 'array') statement.raw(true);
      if (mode === 'value') statement.pluck(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** Turns the busy handler off (0) or back on, so a caller can wait for the write lock without blocking the event loop. */
  setBusyWait(on: boolean): void {
    this.statement(`PRAGMA busy_timeout = ${on ? this.options.busyTimeoutMs : 0}`).run();
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
