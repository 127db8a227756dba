import type { SqlPersistence } from '@inventory/adapters-sql';
import { ManualClock, SCOPES, type Scope } from '@inventory/core';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/lifecycle/start-server.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { ApiClient } from './api-client.js';
import type { DatabaseFixture, OpenDatabase } from './database-fixtures.js';
import { TenantPool } from './tenant-pool.js';

/** The clients of one fresh tenant: a read-write token, a read-only token and a write-only token. */
export interface TenantClients {
  readonly name: string;
  readonly writer: ApiClient;
  readonly reader: ApiClient;
  readonly writeOnly: ApiClient;
}

export interface E2eOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** When given, the server logs at `info` into it, one JSON line per entry (else it is silent). */
  readonly logLines?: string[];
}

/** Tenants (with their AUTH_CLIENTS clients) one server can hand out to its tests. */
const TENANTS_PER_SERVER = 300;

/** The real server, started in-process on an ephemeral port over a real database. */
export class E2eServer {
  readonly anonymous: ApiClient;

  private constructor(
    readonly url: string,
    /** Timestamps and "today" of the service; tests move it to see lastModifiedAt change. */
    readonly clock: ManualClock,
    private readonly tenants: TenantPool,
    private readonly running: RunningServer,
    private readonly database: OpenDatabase,
  ) {
    this.anonymous = new ApiClient(url, undefined);
  }

  static async start(fixture: DatabaseFixture, options: E2eOptions = {}): Promise<E2eServer> {
    const database = await fixture.open();
    const tenants = new TenantPool(TENANTS_PER_SERVER);
    const clock = new ManualClock('2025-06-15T10:00:00.000Z');
    const { logLines } = options;
    const env = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: logLines === undefined ? 'silent' : 'info', DATABASE_URL: database.url, AUTH_CLIENTS: tenants.authClients(), ...options.env };
    const config = loadConfig(env);
    const running = await startServer(config, {
      clock,
      ...(database.persistence !== undefined && { persistence: database.persistence }),
      ...(logLines !== undefined && { logger: createLogger(config, { write: (line: string) => void logLines.push(line) }) }),
    });
    return new E2eServer(running.url, clock, tenants, running, database);
  }

  /** A new tenant nobody else uses, so each test starts from an empty store. */
  tenant(): TenantClients {
    const name = this.tenants.next();
    return {
      name,
      writer: this.client(name, SCOPES),
      reader: this.client(name, ['inventory:read']),
      writeOnly: this.client(name, ['inventory:write']),
    };
  }

  /** A client whose token, from the real token endpoint, grants these scopes in this tenant. */
  client(tenant: string, scopes: readonly Scope[]): ApiClient {
    return new ApiClient(this.url, this.tenants.tokenSource(this.url, tenant, scopes));
  }

  /** A client sending this exact Authorization header value (or a raw bearer token). */
  withToken(token: string): ApiClient {
    return new ApiClient(this.url, token);
  }

  /** Runs `work` on a connection of its own to the server's database, e.g. to claim an idempotency key as another process would. */
  async withDatabase<T>(work: (database: SqlPersistence) => Promise<T>): Promise<T> {
    const connection = await this.database.connect();
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  }

  async close(): Promise<void> {
    await this.running.close();
    await this.database.cleanup();
  }
}
