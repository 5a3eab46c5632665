/**
 * The OpenTelemetry side of src/observability/tracing.ts, imported only when tracing is on. Spans carry no key, token,
 * document, variable or query string: methods, routes, paths, statuses, operation types and names, error codes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { UpstreamSpan } from '../upstream/client.js';
import type { Tracing, TracingOptions } from './tracing.js';

const propagator = new W3CTraceContextPropagator();

/** Spans follow the request through awaits: one context manager for the process (the first one set stays). */
function ensureContextManager(): void {
  const manager = new AsyncLocalStorageContextManager();
  if (context.setGlobalContextManager(manager)) manager.enable();
}

function codesOf(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
}

/** Ends an operation's span, marked as failed with the error codes it reported, if any. */
function finish(span: Span, codes: Iterable<string>): void {
  const unique = [...new Set(codes)];
  if (unique.length > 0) {
    span.setAttribute('graphql.error.codes', unique);
    span.setStatus({ code: SpanStatusCode.ERROR, message: unique.join(',') });
  }
  span.end();
}

function operationSpan(
  tracer: ReturnType<BasicTracerProvider['getTracer']>,
  document: DocumentNode,
  operationName: string | null | undefined,
): Span {
  const operation = getOperationAST(document, operationName);
  const type = operation?.operation ?? 'query';
  const name = operation?.name?.value;
  return tracer.startSpan(name ? `${type} ${name}` : type, {
    kind: SpanKind.INTERNAL,
    attributes: { 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) },
  });
}

export function createTracing(config: Config, options: TracingOptions): Tracing {
  ensureContextManager();
  const { endpoint, sampleRatio, serviceName } = config.tracing;
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: `${endpoint!.replace(/\/+$/, '')}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('aimusic-graphql');
  const upstreamHost = new URL(config.upstreamUrl).host;

  const plugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const span = operationSpan(tracer, args.document, args.operationName);
      const inSpan = trace.setSpan(context.active(), span);
      setExecuteFn(async (executeArgs) => {
        try {
          const result = (await context.with(inSpan, () => executeFn(executeArgs))) as ExecutionResult;
          finish(span, codesOf(result));
          return result;
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw err;
        }
      });
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      // A subscription's span lasts as long as its stream; events with errors mark it.
      const span = operationSpan(tracer, args.document, args.operationName);
      const inSpan = trace.setSpan(context.active(), span);
      const codes: string[] = [];
      setSubscribeFn(async (subscribeArgs) => {
        const result = await context.with(inSpan, () => subscribeFn(subscribeArgs));
        if (!isAsyncIterable(result)) finish(span, codesOf(result as ExecutionResult));
        return result;
      });
      return {
        onSubscribeResult: () => ({
          onNext: ({ result }) => void codes.push(...codesOf(result as ExecutionResult)),
          onEnd: () => finish(span, codes),
        }),
      };
    },
  };

  return {
    plugin,
    http(req: IncomingMessage, res: ServerResponse, route, handle) {
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter);
      const method = req.method ?? 'GET';
      const span = tracer.startSpan(
        route ? `${method} ${route}` : method,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': method,
            'url.path': req.url?.split('?')[0] ?? '',
            ...(route ? { 'http.route': route } : {}),
          },
        },
        parent,
      );
      res.once('close', () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      return context.with(trace.setSpan(parent, span), handle);
    },
    upstreamCall(method, path, attempt): UpstreamSpan {
      const template = path.replace(/\/task\/[^/?]+/, '/task/{id}').split('?')[0];
      const span = tracer.startSpan(`${method} ${template}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': upstreamHost,
          'url.template': template,
          ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
        },
      });
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(context.active(), span), headers, defaultTextMapSetter);
      return {
        headers,
        end(status, errorCode) {
          if (status !== null) span.setAttribute('http.response.status_code', status);
          if (errorCode) span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode });
          span.end();
        },
      };
    },
    // A collector that cannot be reached must not stop the gateway from stopping: the spans are lost, nothing else.
    shutdown: () => provider.shutdown().catch(() => undefined),
  };
}
