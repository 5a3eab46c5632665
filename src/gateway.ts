/**
 * The HTTP side of the gateway: one node:http server carrying GraphQL (yoga: HTTP, GraphiQL) at /graphql, a
 * health check at /health, Prometheus metrics at /metrics and the live task page at /. It serves; what it serves is built elsewhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createContext, type Context } from './context.js';
import { graphiqlTabs } from './graphiql.js';
import { maskError } from './plugins/errors.js';
import { useMetrics } from './plugins/metrics.js';
import { schema } from './schema/index.js';
import type { Services } from './services.js';
import { demoClip } from './upstream/sandbox/store.js';
import { createWebPage } from './web/serve.js';

export interface Gateway {
  readonly server: Server;
  readonly yoga: YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, Context>;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting connections and waits for open requests. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Yoga logs with console-style arguments; pino wants an object first. */
function yogaLogger(logger: Logger): YogaLogger {
  const level = (name: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const err = args.find((a): a is Error => a instanceof Error);
    const text = args.filter((a) => !(a instanceof Error)).map(String).join(' ');
    logger[name](err ? { err } : {}, text || err?.message || '');
  };
  return { debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error') };
}

export function createGateway(services: Services): Gateway {
  const { logger } = services;
  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(services, request.headers.get('authorization')),
    graphiql: { title: 'aimusic-graphql', defaultTabs: graphiqlTabs },
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { maskError },
    logging: yogaLogger(logger),
    plugins: [useMetrics(services.metrics)],
  });

  const page = createWebPage(services.config.sandbox ? { demoClipId: demoClip.id } : {});
  const server = createServer((req, res) => {
    if (page(req, res)) return;
    if (req.url === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendJson(res, 200, { status: 'ok', upstream: services.config.sandbox ? 'sandbox' : 'live' });
    }
    if (req.url === '/metrics' && req.method === 'GET') {
      const { registry } = services.metrics;
      void registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      });
      return;
    }
    void yoga(req, res, { req, res });
  });

  return {
    server,
    yoga,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const { port: bound } = server.address() as AddressInfo;
      return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${bound}`;
    },
    async close() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
