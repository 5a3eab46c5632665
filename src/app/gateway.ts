/**
 * The HTTP side of the gateway: one node:http server carrying GraphQL (yoga: HTTP, SSE, GraphiQL; graphql-ws on
 * WebSocket upgrades) at /graphql, upstream webhooks at /webhooks/aimusic, readiness at /health and liveness at
 * /health/live (src/transport/http/health.ts), Prometheus metrics at /metrics and the live task page at /. It serves;
 * what it serves is built elsewhere. Every request gets a request id (logged, echoed in `x-request-id`), runs in a
 * scope that keeps its API key out of the logs, and is tracked for shutdown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { createYoga, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Caller } from '../access/index.js';
import type { Config } from '../config.js';
import { bearerKey, createContext, type Context, type Services } from '../context.js';
import { graphiqlTabs, persistedOnlyTabs } from '../web/graphiql.js';
import { graphiqlFiles } from '../web/graphiql-page.js';
import { readGraphQLBody } from '../transport/http/body.js';
import { Drain } from '../transport/http/drain.js';
import { healthPath, livenessPath, serveHealth, type HealthSources } from '../transport/http/health.js';
import { createFastPath } from '../transport/http/fast-path.js';
import { AnswerCache } from '../transport/http/answer-cache.js';
import { sendError, sendJson } from '../transport/http/reply.js';
import { requestIdHeader, requestIdOf } from '../transport/http/request-id.js';
import { createMetricsEndpoint, createMetricsServer, metricsPath } from '../transport/http/metrics-endpoint.js';
import { answerClientError } from '../transport/http/client-error.js';
import { handleWebhook } from '../transport/webhooks.js';
import { webhookPath, webhookRoute } from '../submit/webhook-request.js';
import { useAccess } from '../plugins/use-access.js';
import { refuseForeignOrigin, type AdmittedRequest } from '../transport/http/admit.js';
import { useCsrf } from '../plugins/use-csrf.js';
import { useGraphQLJs } from '../plugins/use-graphql-js.js';
import { useHttpCaching } from '../plugins/use-http-caching.js';
import { useDeferStream } from '../plugins/use-defer-stream.js';
import { useCompression } from '../plugins/use-compression.js';
import { maskError } from '../transport/error-shape.js';
import { useIntrospection } from '../plugins/use-introspection.js';
import { useMetrics } from '../plugins/use-metrics.js';
import { taskIdCostCheck, useQueryLimits } from '../plugins/use-query-limits.js';
import { useParseErrors, useRequestErrors } from '../plugins/use-request-errors.js';
import { useSseStreams } from '../plugins/use-sse-streams.js';
import { createPersistedOperations, documentIdParam } from '../persisted/documents.js';
import { schema as plainSchema } from '../schema/index.js';
import { runInRequestScope, type RequestScope } from '../observability/request-scope.js';
import { demoClip } from '../sandbox/index.js';
import { createWebPage } from '../web/serve.js';
import { attachGraphQLWebSocket } from '../transport/websocket/server.js';

/**
 * What yoga is given besides the request: node's req/res over HTTP, the socket's caller over WebSocket. Over HTTP the
 * caller is filled in by the access plugin before the context is built.
 */
type ServerContext = { req?: IncomingMessage; res?: ServerResponse; caller?: Caller };

function callerOf(initial: { caller?: Caller }): Caller {
  if (!initial.caller) throw new Error('a GraphQL operation reached the context without an identified caller');
  return initial.caller;
}

export interface Gateway {
  readonly server: Server;
  /** The listener of METRICS_PORT, when it is set (started by `listen`, on the same host). */
  readonly metricsServer: Server | undefined;
  readonly yoga: YogaServerInstance<ServerContext, Context>;
  /** Starts listening (the metrics listener too, and the server unless it was given listening); resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Adds a step to shutdown, run while HTTP requests drain. */
  onClose(closer: () => void | Promise<void>): void;
  /**
   * Graceful shutdown: /health answers 503 (for SHUTDOWN_DELAY_MS new requests are still served), then no new
   * connections; live subscriptions end (WebSockets close with 1001, SSE streams complete) and requests in flight
   * finish, up to SHUTDOWN_TIMEOUT_MS, after which they are cut.
   */
  close(): Promise<void>;
}

/** Yoga logs with console-style arguments; pino wants an object first. */
function yogaLogger(logger: Logger): YogaLogger {
  const level =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const text = args
        .filter((a) => !(a instanceof Error))
        .map(String)
        .join(' ');
      logger[name](err ? { err } : {}, text || err?.message || '');
    };
  return { debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}

export interface GatewayOptions {
  /**
   * A server already listening: src/main.ts binds it before the services are built, so that the configuration can
   * name this process's own address (the in-process sandbox's webhook target) before it is frozen. The gateway
   * replaces its 'request' listeners (which answered 503 while starting) with its own.
   */
  server?: Server;
  /** What `loadSchema` gives; the plain schema by default (with FEDERATION=true it must be given). */
  schema?: GraphQLSchema;
}

/** The schema to serve: the plain one, or with FEDERATION=true the subgraph, whose module is loaded only then. */
export async function loadSchema(config: Config): Promise<GraphQLSchema> {
  return config.federation ? (await import('../schema/subgraph.js')).subgraphSchema() : plainSchema;
}

export function createGateway(services: Services, options: GatewayOptions = {}): Gateway {
  const { logger, config } = services;
  const { limits } = config;
  const { access } = services;
  if (config.federation && !options.schema) throw new Error('FEDERATION=true: pass the subgraph schema (loadSchema) to createGateway');
  const persisted = createPersistedOperations(config, logger, services.redis?.commands);
  const sse = useSseStreams();
  // The cost of `tasks(ids:)` with its ids, checked at execution by yoga's plugin and by the fast path alike.
  const executionCost = taskIdCostCheck(limits.maxCost);
  // FEDERATION=true: the same schema with federation's _service, _entities and @key (src/schema/subgraph.ts).
  const schema = options.schema ?? plainSchema;
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initial) => createContext(services, callerOf(initial)),
    graphiql: { title: 'aimusic-graphql', defaultTabs: persisted.only ? persistedOnlyTabs : graphiqlTabs },
    // A small page naming GraphiQL's files under hashed URLs (src/web/graphiql-page.ts, served by src/web/serve.ts),
    // made on its first view, not at start (its 9 MB script was half the startup time).
    renderGraphiQL: async (options) => (await graphiqlFiles()).page(options as Record<string, unknown>),
    landingPage: false,
    // Persisted documents named by their manifest hash (src/persisted/documents.ts).
    extraParamNames: [documentIdParam],
    // MAX_BATCH_OPERATIONS: a JSON array of operations in one request, each admitted on its own (src/plugins/use-access.ts).
    batching: config.maxBatchOperations > 0 ? { limit: config.maxBatchOperations } : false,
    maskedErrors: { maskError, isDev: false },
    logging: yogaLogger(logger),
    cors: {
      origin: config.corsOrigins.includes('*') ? undefined : config.corsOrigins,
      // Retry-After: a page that was rate limited can read when to try again (the body says so too).
      exposedHeaders: [requestIdHeader, 'retry-after'],
    },
    plugins: [
      useGraphQLJs,
      // @defer/@stream: their validation rules, for the documents that use them.
      useDeferStream(),
      // First of the rest, so that the plugins after it (metrics) see every error with its code.
      useRequestErrors(),
      useParseErrors(),
      useMetrics(services.metrics),
      useHttpCaching(),
      // After the caching headers: compressed answers get ETags of their own.
      useCompression(),
      useCsrf(access),
      useAccess(access),
      // After the rate limit: a refused request registers no document.
      ...persisted.plugins,
      ...useIntrospection(limits.allowIntrospection),
      ...useQueryLimits(limits, executionCost),
      ...(services.tracing ? [services.tracing.plugin] : []),
      sse.plugin,
    ],
  });

  // Whole answers made of kept tasks: a quarter of the finished-task cache's budget (16 MB with that cache off).
  const answerBytes = Math.floor(config.finishedTaskCache.maxBytes / 4) || 16 * 1024 * 1024;
  const answers = services.finished || services.fresh ? new AnswerCache(services.finished, services.fresh, answerBytes) : undefined;
  // Prepared execution for the fast path, unless tracing is on (its spans wrap each operation in envelop). Errors are
  // masked as yoga masks them, and an unexpected one is logged as yoga logs it.
  const prepared = services.tracing
    ? undefined
    : {
        schema,
        context: (caller: Caller) => createContext(services, caller),
        executionCost,
        mask: (error: GraphQLError) => {
          const masked = maskError(error) as GraphQLError;
          if (masked !== error) logger.error({ err: error }, 'unexpected error');
          return masked;
        },
      };
  const fastPath = createFastPath({ yoga, access, metrics: services.metrics, persisted, answers, prepared });
  const page = createWebPage({
    ...(services.config.sandbox ? { demoClipId: demoClip.id } : {}),
    ...(services.config.auth ? { signIn: true } : {}),
  });
  const metricsEndpoint = createMetricsEndpoint(services.metrics, config.metricsToken);
  const metricsServer = config.metricsPort === undefined ? undefined : createMetricsServer(metricsEndpoint);
  // With sign-in on, the public port is the users' (an app's backend may be public): metrics about them stay off it
  // unless a token guards them or METRICS_PORT moves them.
  const metricsOnPublicPort = !metricsServer && (config.auth === undefined || config.metricsToken !== undefined);
  if (!metricsServer && !metricsOnPublicPort) {
    logger.warn(
      `${metricsPath} is not served: sign-in is on, and neither METRICS_TOKEN nor METRICS_PORT is set. Set METRICS_TOKEN ` +
        `(${metricsPath} then asks for it in the Authorization header) or METRICS_PORT (a port of its own, not published) to serve it.`,
    );
  }
  const health: HealthSources = {
    draining: () => drain.draining,
    store: () => services.health.state(),
    upstream: config.sandbox ? 'sandbox' : 'live',
  };
  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    // Every answer carries the request id. A JSON POST to /graphql without an Origin gets it only once it is known
    // whether the fast path answers: that path writes all its headers in one go, which Node takes much faster than
    // headers set one by one before them (2 µs of a ~40 µs kept answer).
    const fastCandidate = req.method === 'POST' && req.url === yoga.graphqlEndpoint && req.headers.origin === undefined;
    if (!fastCandidate) res.setHeader(requestIdHeader, requestId);
    if (page(req, res)) return; // answered by src/web/serve.ts (perhaps a moment later)
    if (serveHealth(req, res, health)) return;
    const path = req.url?.split('?')[0];
    if (path === metricsPath && metricsOnPublicPort) return metricsEndpoint(req, res);
    // Webhooks carry the upstream's JSON with its own signature check; they skip the GraphQL body gate.
    const webhook = webhookRoute(path);
    if (webhook !== undefined) return handleWebhook(services, req, res, webhook);
    if (path !== yoga.graphqlEndpoint) return sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${path}.`);
    if (refuseForeignOrigin(access, req, res)) return;
    const verdict = await readGraphQLBody(req, limits.maxBodyBytes);
    if (fastCandidate && !(verdict.ok && verdict.body?.length)) res.setHeader(requestIdHeader, requestId);
    if (!verdict.ok) {
      return sendError(res, verdict.status, 'BAD_REQUEST', verdict.message, { connection: 'close' });
    }
    const server: AdmittedRequest = { req, res };
    if (fastCandidate && verdict.body?.length) {
      if (await fastPath(req, res, verdict.body, server, requestId)) return;
      res.setHeader(requestIdHeader, requestId);
    }
    // yoga (@whatwg-node/server) takes an already-read body from `req.body`.
    if (verdict.body?.length) (req as IncomingMessage & { body?: Buffer }).body = verdict.body;
    await yoga(req, res, server);
  }

  const { tracing } = services;
  // Span names: these paths, or the method alone (no name per unknown path).
  const routes = new Set([yoga.graphqlEndpoint, healthPath, livenessPath, '/metrics', webhookPath, '/']);
  const server = options.server ?? createServer();
  server.removeAllListeners('request');
  server.on('clientError', answerClientError);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = req.url?.split('?')[0] ?? '';
    // A webhook's nonce (its task's, in the URL) is named neither in logs nor in spans.
    const path = webhookRoute(url) === undefined ? url : webhookPath;
    const requestId = requestIdOf(req.headers[requestIdHeader]);
    // A malformed Authorization header may still hold a key: keep all of it out of the logs too.
    const ownKey = bearerKey(req.headers.authorization) ?? req.headers.authorization;
    const scope: RequestScope = { requestId, secrets: ownKey ? [ownKey] : [] };
    drain.track(res);
    // The access log line, when the level writes it (not a listener per request for a line that is dropped).
    if (logger.isLevelEnabled('info'))
      res.once('finish', () =>
        runInRequestScope(scope, () =>
          logger.info({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request'),
        ),
      );
    const served = () => handle(req, res, requestId);
    runInRequestScope(scope, () =>
      (tracing ? tracing.http(req, res, routes.has(path) ? path : undefined, served) : served()).catch((err: unknown) => {
        logger.error({ err }, 'request failed');
        if (!res.headersSent) {
          if (!res.hasHeader(requestIdHeader)) res.setHeader(requestIdHeader, requestId);
          sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        } else res.destroy();
      }),
    );
  });
  const drain = new Drain(server);
  const webSocket = attachGraphQLWebSocket(server, yoga, {
    access,
    maxPayloadBytes: limits.maxBodyBytes,
    metrics: services.metrics,
    persisted,
    traced: services.tracing !== undefined,
    hideSuggestions: !limits.allowIntrospection,
  });
  // First: SSE subscriptions are cut (their clients reconnect) before the live feeds complete what is left.
  drain.onClose(() => sse.cut());
  drain.onClose(() => webSocket.close());
  drain.onClose(() => services.live.close());

  return {
    server,
    yoga,
    metricsServer,
    async listen(port, host = '127.0.0.1') {
      const start = (listener: Server, at: number) =>
        new Promise<void>((resolve, reject) => {
          listener.once('error', reject);
          listener.listen(at, host, () => resolve());
        });
      if (metricsServer && config.metricsPort !== undefined) {
        await start(metricsServer, config.metricsPort);
        drain.onClose(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
      }
      if (!server.listening) await start(server, port);
      const { port: bound } = server.address() as AddressInfo;
      return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${bound}`;
    },
    onClose: (closer) => drain.onClose(closer),
    // Past the timeout, paid requests still waiting on the upstream are answered (taskMayExist), not cut.
    close: () => drain.close(config.shutdownTimeoutMs, config.shutdownDelayMs, () => services.upstream.stopWaiting()),
  };
}
