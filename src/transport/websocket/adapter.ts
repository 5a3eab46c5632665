/**
 * graphql-ws's server on a `ws` WebSocketServer: what graphql-ws's own adapter (graphql-ws/use/ws) does, with the
 * same subprotocol choice, keep-alive pings, close codes, logs and disposal, but less held for as long as sockets
 * and operations are open. graphql-ws's adapter awaits the handling of each message in an async listener: every open
 * subscription then holds that listener's suspended frame, its promise and its continuations (~0.3 KB); here the
 * handling's promise is only watched for a failure. And a socket holds one object whose methods are on a prototype,
 * with listeners every socket shares (they find the connection on the socket), rather than a dozen closures.
 */
import type { IncomingMessage } from 'node:http';
import {
  CloseCode,
  DEPRECATED_GRAPHQL_WS_PROTOCOL,
  handleProtocols,
  makeServer,
  type ServerOptions,
  type WebSocket as ProtocolSocket,
} from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { TextMessageSocket } from './socket.js';

/** What graphql-ws/use/ws puts in `ctx.extra`. */
export interface Extra {
  readonly socket: TextMessageSocket;
  readonly request: IncomingMessage;
}

/** As graphql-ws's `limitCloseReason`: a close reason is at most 123 bytes, else the fallback is sent. */
const limitCloseReason = (reason: string, whenTooLong: string) => (reason.length < 124 ? reason : whenTooLong);

/** One socket's side of the protocol, as graphql-ws's server sees it. */
class Connection implements ProtocolSocket {
  /** graphql-ws's handler of this socket's messages. */
  handle: ((data: string) => Promise<void>) | undefined;
  /** graphql-ws's: the socket has closed. */
  closed: ((code?: number, reason?: string) => Promise<void>) | undefined;
  pongWait: NodeJS.Timeout | null = null;
  pingInterval: NodeJS.Timeout | null = null;
  /** Closes the socket on a failed message handling (one function per socket, not one per message). */
  readonly failed = (err: unknown) => {
    console.error('Internal error occurred during message handling. Please check your implementation.', err);
    closeOnError(this.socket, err, this.isProd);
  };

  constructor(
    readonly socket: TextMessageSocket,
    readonly protocol: string,
    readonly isProd: boolean,
  ) {}

  send(data: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState !== this.socket.OPEN) return resolve();
      this.socket.send(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(cb: (data: string) => Promise<void>): void {
    this.handle = cb;
    this.socket.on('message', onSocketMessage);
  }
}

function closeOnError(socket: WebSocket, err: unknown, isProd: boolean): void {
  socket.close(
    CloseCode.InternalServerError,
    isProd ? 'Internal server error' : limitCloseReason(err instanceof Error ? err.message : String(err), 'Internal server error'),
  );
}

const connectionOf = (socket: WebSocket) => (socket as TextMessageSocket).connection as Connection;

function onSocketMessage(this: WebSocket, data: unknown): void {
  const connection = connectionOf(this);
  connection.handle?.(String(data)).catch(connection.failed);
}

/** Heard once, as graphql-ws/use/ws's `once` listener (without the wrapper `once` makes per socket). */
function onSocketError(this: WebSocket, err: Error): void {
  this.off('error', onSocketError);
  console.error('Internal error emitted on a WebSocket socket. Please check your implementation.', err);
  closeOnError(this, err, connectionOf(this).isProd);
}

/** Heard once, as `onSocketError`. */
function onSocketClose(this: WebSocket, code: number, reason: Buffer): void {
  this.off('close', onSocketClose);
  const connection = connectionOf(this);
  if (connection.pongWait) clearTimeout(connection.pongWait);
  if (connection.pingInterval) clearInterval(connection.pingInterval);
  if (!connection.isProd && code === CloseCode.SubprotocolNotAcceptable && this.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL)
    console.warn(
      `Client provided the unsupported and deprecated subprotocol "${this.protocol}" used by subscriptions-transport-ws.` +
        'Please see https://www.apollographql.com/docs/apollo-server/data/subscriptions/#switching-from-subscriptions-transport-ws.',
    );
  void connection.closed?.(code, String(reason));
}

function ping(connection: Connection, keepAlive: number): void {
  const { socket } = connection;
  if (socket.readyState !== socket.OPEN) return;
  connection.pongWait = setTimeout(() => socket.terminate(), keepAlive);
  socket.once('pong', () => {
    if (connection.pongWait) {
      clearTimeout(connection.pongWait);
      connection.pongWait = null;
    }
  });
  socket.ping();
}

/**
 * graphql-ws's server on `ws`, as graphql-ws/use/ws's `useServer` (same arguments; `isProd` from NODE_ENV unless
 * given): a keep-alive ping every `keepAlive` ms, and a socket that does not answer one in as long is terminated.
 */
export function useServer<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, Extra & Partial<E>> & { isProd?: boolean },
  ws: WebSocketServer,
  keepAlive = 12_000,
): { dispose(): Promise<void> } {
  const isProd = typeof options.isProd === 'boolean' ? options.isProd : process.env.NODE_ENV === 'production';
  const server = makeServer(options);
  ws.options.handleProtocols = handleProtocols;
  ws.once('error', (err) => {
    console.error('Internal error emitted on the WebSocket server. Please check your implementation.', err);
    let firstErr: unknown = null;
    for (const client of ws.clients) {
      try {
        closeOnError(client, err, isProd);
      } catch (closeErr) {
        firstErr = firstErr ?? closeErr;
      }
    }
    if (firstErr) throw firstErr;
  });
  ws.on('connection', (socket: TextMessageSocket, request: IncomingMessage) => {
    socket.on('error', onSocketError);
    const connection = new Connection(socket, socket.protocol, isProd);
    socket.connection = connection;
    if (keepAlive > 0 && Number.isFinite(keepAlive)) connection.pingInterval = setInterval(ping, keepAlive, connection, keepAlive);
    connection.closed = server.opened(connection, { socket, request } as Extra & Partial<E>);
    socket.on('close', onSocketClose);
  });
  return {
    dispose: async () => {
      for (const client of ws.clients) client.close(1001, 'Going away');
      ws.removeAllListeners();
      await new Promise<void>((resolve, reject) => ws.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
