/**
 * Tracing with OpenTelemetry, loaded only when it is asked for: with OTEL_EXPORTER_OTLP_ENDPOINT unset the gateway
 * imports no OpenTelemetry module, creates no span and propagates no context (each hook below is one `if`). Set, the
 * SDK is imported (./otel.ts) and the gateway makes a span per HTTP request (its parent the client's W3C
 * `traceparent`), per GraphQL operation and per upstream call (whose `traceparent` the upstream receives), sampled
 * parent-based at OTEL_TRACES_SAMPLER_ARG and exported over OTLP/HTTP.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { UpstreamSpan } from '../upstream/client.js';

export interface Tracing {
  /** Runs the handling of an HTTP request inside its server span. `route`: a known path, else undefined. */
  http<T>(req: IncomingMessage, res: ServerResponse, route: string | undefined, handle: () => Promise<T>): Promise<T>;
  /** The envelop plugin that runs each GraphQL operation (every transport) inside its span. */
  readonly plugin: Plugin;
  /** A client span for one upstream attempt, a child of whatever is running. */
  upstreamCall(method: string, path: string, attempt: number): UpstreamSpan;
  /** Exports what is still buffered; called on shutdown. */
  shutdown(): Promise<void>;
}

/** Tests hand in their own exporter (in memory); it is used at once, without batching. */
export interface TracingOptions {
  exporter?: SpanExporter;
}

/** The tracing the configuration asks for, or undefined (and nothing loaded) when it asks for none. */
export async function loadTracing(config: Config, options: TracingOptions = {}): Promise<Tracing | undefined> {
  if (!config.tracing.endpoint && !options.exporter) return undefined;
  const { createTracing } = await import('./otel.js');
  return createTracing(config, options);
}
