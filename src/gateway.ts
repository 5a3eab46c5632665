/**
 * The HTTP side of the gateway: one node:http server carrying GraphQL (yoga: HTTP, SSE, GraphiQL; graphql-ws on
 * WebSocket upgrades) at /graphql, upstream webhooks at /webhooks/aimusic and a health check at /health. It serves;
 * what it serves is built elsewhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createContext, type Context } from './context.js';
import { graphiqlTabs } from './graphiql.js';
import { handleWebhook, webhookPath } from './live/webhooks.js';
import { maskError } from './plugins/errors.js';
import { schema } from './schema/index.js';
import type { Services } from './services.js';
import { attachGraphQLWebSocket, type SocketContext } from './websocket.js';

/** What yoga gets besides the request: node's req/res over HTTP, the socket's key over WebSocket. */
type ServerContext = { req: IncomingMessage; res?: ServerResponse } & Partial<SocketContext>;

export interface Gateway {
  readonly server: Server;
  readonly yoga: YogaServerInstance<ServerContext, Context>;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting connections, ends live subscriptions (WebSockets close with 1001), waits for open requests. */
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
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initial) => createContext(services, initial.authorization ?? initial.request?.headers.get('authorization')),
    graphiql: { title: 'aimusic-graphql', defaultTabs: graphiqlTabs },
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { maskError },
    logging: yogaLogger(logger),
  });

  const server = createServer((req, res) => {
    if (req.url === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendJson(res, 200, { status: 'ok', upstream: services.config.sandbox ? 'sandbox' : 'live' });
    }
    if (req.url?.split('?')[0] === webhookPath) {
      return void handleWebhook(services, req, res).catch((err: unknown) => {
        logger.error({ err }, 'webhook handling failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      });
    }
    void yoga(req, res, { req, res });
  });
  const webSocket = attachGraphQLWebSocket(server, yoga);

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
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await webSocket.close();
      await services.live.close();
      server.closeIdleConnections();
      await closed;
    },
  };
}
