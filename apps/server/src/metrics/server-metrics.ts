import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a cached read (a few ms) up to a 10,000-item bulk write on a busy database. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The Prometheus metrics of one server, in a registry of its own (so servers started side by
 * side in one test process never share counters): HTTP requests by route template, method and
 * status; bulk items and CSV rows by outcome; and prom-client's process metrics (memory, CPU,
 * event-loop lag, GC). Labels take values from small fixed sets only, so the series stay few.
 */
export class ServerMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route template (never the raw URL), method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its response, by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly httpInFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'Requests received whose response has not ended yet',
    registers: [this.registry],
  });

  readonly bulkItems = new Counter({
    name: 'inventory_bulk_items_total',
    help: 'Items of bulk requests (REST and GraphQL), by target (inventory, products) and result (success, failure)',
    labelNames: ['target', 'result'] as const,
    registers: [this.registry],
  });

  readonly csvRowsRead = new Counter({
    name: 'inventory_csv_rows_read_total',
    help: 'Data rows read from CSV imports (header excluded), counted as they stream in, dry runs included',
    registers: [this.registry],
  });

  readonly csvRowsImported = new Counter({
    name: 'inventory_csv_rows_imported_total',
    help: 'CSV rows written by finished imports (dry runs excluded)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition text for `/metrics`. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
