import { createServer, type Server, type ServerOptions } from 'node:http';
import { expireHolds, type Clock, type HoldStore, type IdempotencyStore } from '@inventory/core';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from '../config/server-config.js';
import { createServerContainer, type ServerOverrides } from '../container/create-server-container.js';
import { id } from '../container/services.js';
import { ConnectionDrain } from './connection-drain.js';

export interface RunningServer {
  /** `http://host:port` actually bound (port 0 picks a free one). */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful stop: refuse new work, let in-flight requests finish (connections are forced closed
   * after `drainTimeoutMs`, by default SHUTDOWN_TIMEOUT_MS), then close the database.
   */
  close(): Promise<void>;
}

/**
 * Starts the server in this process: migrates the database, prepares authentication, then
 * listens. Tests call it with port 0 and overrides; `main.ts serve` calls it with the real config.
 */
export async function startServer(config: ServerConfig, overrides: ServerOverrides = {}, drainTimeoutMs = config.shutdownTimeoutMs): Promise<RunningServer> {
  const container = createServerContainer(config, overrides);
  const logger = container.get(id('logger'));
  const auth = await container.getAsync(id('auth'));
  const persistence = await container.getAsync(id('persistence'));
  try {
    await persistence.migrate();
    await auth.start();
    const server = createServer(receiveTimeouts(config.requestTimeoutMs), await container.getAsync(id('app')));
    const connections = new ConnectionDrain(server);
    await listen(server, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info({ url }, 'listening');
    const purging = purgeIdempotencyKeys(persistence.idempotency, container.get(id('clock')), logger);
    const sweeping = sweepHolds(persistence.holds, container.get(id('clock')), logger);
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        clearInterval(purging);
        clearInterval(sweeping);
        container.get(id('state')).stopAccepting();
        await connections.drain(drainTimeoutMs);
        await persistence.close();
        logger.info('stopped');
      })();
      return closing;
    };
    return { url, port, close };
  } catch (error) {
    await persistence.close();
    throw error;
  }
}

/** Node's defaults: 60 s for the headers, and requests are checked every 30 s. */
const NODE_HEADERS_TIMEOUT_MS = 60_000;
const NODE_CHECK_INTERVAL_MS = 30_000;

/**
 * REQUEST_TIMEOUT_MS bounds how long a client may take to send a request (a slow body holds a
 * connection and its handler). Node checks for it every `connectionsCheckingInterval`, so that
 * interval follows the timeout (a tenth of it, at most Node's 30 s); the headers' own timeout
 * may not exceed it.
 */
function receiveTimeouts(requestTimeoutMs: number): ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(NODE_HEADERS_TIMEOUT_MS, requestTimeoutMs),
    connectionsCheckingInterval: Math.min(NODE_CHECK_INTERVAL_MS, Math.ceil(requestTimeoutMs / 10)),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** How often expired idempotency keys are deleted, so the table stays small without an operator's job. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * How often lapsed holds are marked expired. Only tidying: a hold stops counting at its expiry
 * whether swept or not (docs/holds.md); the sweep is where `hold.expired` events will come from.
 */
const HOLD_SWEEP_INTERVAL_MS = 30 * 1000;

function purgeIdempotencyKeys(store: IdempotencyStore, clock: Clock, logger: Logger): NodeJS.Timeout {
  return repeat(PURGE_INTERVAL_MS, () => store.purgeExpired(clock.now()), logger, 'expired idempotency keys purged');
}

function sweepHolds(holds: HoldStore, clock: Clock, logger: Logger): NodeJS.Timeout {
  return repeat(HOLD_SWEEP_INTERVAL_MS, () => expireHolds({ holds, clock }), logger, 'lapsed holds marked expired');
}

/** Runs a housekeeping task every `intervalMs` without keeping the process alive; a failure is logged and retried next time. */
function repeat(intervalMs: number, task: () => Promise<number>, logger: Logger, done: string): NodeJS.Timeout {
  const timer = setInterval(() => {
    task().then(
      (count) => {
        if (count > 0) logger.debug({ count }, done);
      },
      (error: unknown) => logger.warn({ cause: error instanceof Error ? error.message : String(error) }, `housekeeping failed (${done}); retrying later`),
    );
  }, intervalMs);
  timer.unref();
  return timer;
}
