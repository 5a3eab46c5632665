/**
 * Prometheus metrics for one gateway: GraphQL requests and errors by code, upstream calls and their latency, answers
 * the gateway could not read, and
 * gauges for open subscriptions and watched tasks. One registry per gateway, so tests and
 * several gateways in one process do not mix.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { UpstreamCall } from '../upstream/client.js';

export interface Metrics {
  registry: Registry;
  graphqlRequests: Counter<'operation'>;
  graphqlErrors: Counter<'code'>;
  fastPathRequests: Counter;
  activeSubscriptions: Gauge;
  upstreamRequests: Counter<'method' | 'route' | 'outcome'>;
  upstreamLatency: Histogram<'method' | 'route'>;
  /** Upstream answers (and webhook deliveries) the gateway could not read, by operation: an upstream change. */
  upstreamUnreadable: Counter<'operation'>;
  /** Registers a gauge whose value is read from `read()` at each scrape. */
  gauge(name: string, help: string, read: () => number): void;
  recordUpstreamCall(call: UpstreamCall): void;
}

/** Upstream paths with their ids folded, so the label set stays small. */
export function upstreamRoute(path: string): string {
  return path.replace(/\/task\/[^/]+$/, '/task/:id');
}

/**
 * The process's own metrics (CPU, memory, event loop lag, GC), made once per process and shown by every gateway's
 * registry: prom-client's default metrics start an event-loop-delay monitor and a GC observer that are never stopped,
 * so making them per gateway would leave one running for every gateway a process ever built (as tests build hundreds).
 */
let processMetrics: Registry | undefined;

function sharedProcessMetrics(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: 'aimusic_' });
  }
  return processMetrics;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true)
    for (const metric of sharedProcessMetrics().getMetricsAsArray()) registry.registerMetric(metric as unknown as Metric);
  const registers = [registry];
  const graphqlRequests = new Counter({
    name: 'aimusic_graphql_requests_total',
    help: 'GraphQL operations executed, by operation type.',
    labelNames: ['operation'] as const,
    registers,
  });
  const graphqlErrors = new Counter({
    name: 'aimusic_graphql_errors_total',
    help: 'GraphQL errors returned to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers,
  });
  const fastPathRequests = new Counter({
    name: 'aimusic_graphql_fast_path_requests_total',
    help: 'GraphQL requests answered by the HTTP fast path (plain JSON POSTs from non-browser clients).',
    registers,
  });
  const activeSubscriptions = new Gauge({
    name: 'aimusic_graphql_active_subscriptions',
    help: 'GraphQL subscriptions open now (graphql-ws and SSE).',
    registers,
  });
  const upstreamRequests = new Counter({
    name: 'aimusic_upstream_requests_total',
    help: 'Calls to the upstream API, by method, route and outcome (ok or an error code).',
    labelNames: ['method', 'route', 'outcome'] as const,
    registers,
  });
  const upstreamLatency = new Histogram({
    name: 'aimusic_upstream_request_duration_seconds',
    help: 'Upstream call latency in seconds.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const upstreamUnreadable = new Counter({
    name: 'aimusic_upstream_unreadable_answers_total',
    help: 'Upstream answers and webhook deliveries the gateway could not read (a field missing or changed), by operation.',
    labelNames: ['operation'] as const,
    registers,
  });
  return {
    registry,
    upstreamUnreadable,
    graphqlRequests,
    graphqlErrors,
    fastPathRequests,
    activeSubscriptions,
    upstreamRequests,
    upstreamLatency,
    gauge(name, help, read) {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    },
    recordUpstreamCall(call) {
      const route = upstreamRoute(call.path);
      upstreamRequests.inc({ method: call.method, route, outcome: call.error ?? 'ok' });
      upstreamLatency.observe({ method: call.method, route }, call.durationMs / 1000);
    },
  };
}
