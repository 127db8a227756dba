import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection with no request running may stay open once draining, before it is closed. */
const IDLE_GRACE_MS = 1000;
/** The listener closes once no connection has arrived for this long (and no request runs). */
const QUIET_MS = 100;
const SWEEP_EVERY_MS = 50;

interface ConnectionState {
  /** Requests of this connection whose response has not ended. */
  running: number;
  idleSince: number;
}

/**
 * Graceful shutdown of an HTTP server's connections without resetting a request.
 *
 * Node's own `server.close()` destroys every connection without a request *in progress* — and a
 * connection whose request bytes have arrived but are not parsed yet (the event loop was busy,
 * say with a synchronous SQLite write) counts as idle, so its client sees ECONNRESET after having
 * sent its request. Closing the listener also resets the connections queued in the kernel, and
 * after a busy spell there are many: Node accepts one per event-loop turn. So here the listener
 * stays open — requests arriving meanwhile are answered, with 503 while shutting down — until
 * the requests that were running have finished and no connection has arrived for a moment; then
 * it closes (new connections are refused). Connections are closed once they have run no request
 * for a grace period, and whatever remains at the deadline is cut.
 */
export class ConnectionDrain {
  private readonly connections = new Map<Socket, ConnectionState>();
  private lastAcceptedAt = 0;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.lastAcceptedAt = Date.now();
      this.connections.set(socket, { running: 0, idleSince: this.lastAcceptedAt });
      socket.once('close', () => this.connections.delete(socket));
    });
    server.on('request', (req, res) => {
      const state = this.connections.get(req.socket);
      if (state === undefined) return;
      state.running += 1;
      res.once('close', () => {
        state.running -= 1;
        state.idleSince = Date.now();
      });
    });
  }

  /** Resolves once the listener and every connection are closed; cuts connections after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const started = Date.now();
    const deadline = started + timeoutMs;
    for (const state of this.connections.values()) state.idleSince = Math.max(state.idleSince, started);
    // The quiet period counts from now: connections queued while the loop was busy arrive only now.
    this.lastAcceptedAt = Math.max(this.lastAcceptedAt, started);
    const sweep = setInterval(() => this.sweep(deadline), SWEEP_EVERY_MS);
    try {
      while (Date.now() < deadline && (this.running() > 0 || Date.now() - this.lastAcceptedAt < QUIET_MS)) await new Promise((resolve) => setTimeout(resolve, 10));
      // After one more poll phase, so a connection queued meanwhile is accepted, not reset.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        // net.Server's close: stop listening, leave open connections to the sweep.
        NetServer.prototype.close.call(this.server, () => resolve());
        this.sweep(deadline);
      });
    } finally {
      clearInterval(sweep);
    }
  }

  private running(): number {
    let running = 0;
    for (const state of this.connections.values()) running += state.running;
    return running;
  }

  private sweep(deadline: number): void {
    const now = Date.now();
    for (const [socket, state] of this.connections) {
      if (now >= deadline || (state.running === 0 && now - state.idleSince >= IDLE_GRACE_MS)) socket.destroy();
    }
  }
}
