/**
 * One graphql-ws socket's own side: the HTTP upgrade that opens it (refused with a coded body, as every other 4xx),
 * where its caller's credential comes from, the state the adapter keeps on it (its caller, its open subscriptions and
 * their places under the caller's caps, its token's expiry), and the socket class that hands graphql-ws text. The
 * operations it carries are server.ts's.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from 'graphql-ws';
import { WebSocket } from 'ws';
import type { Caller } from '../../access/index.js';
import { errorBody } from '../http/reply.js';

export function authorizationOf(payload: Record<string, unknown> | undefined, request: IncomingMessage | undefined): string | null {
  const given = payload?.authorization ?? payload?.Authorization;
  if (typeof given === 'string') return given;
  return request?.headers.authorization ?? null;
}

/** What this module adds to graphql-ws's per-socket `ctx.extra`, once the connection is initialised. */
export type SocketExtra = {
  socket: WebSocket;
  caller?: Caller;
  /**
   * The operations this socket started that have not ended yet, by id, each with the release of its place under the
   * caller's cap of open subscriptions (null: not a subscription, not yet admitted, or its place already given back).
   * One map for both, as each costs memory per socket. A client may complete an operation and reuse its id at once,
   * while the first run is still winding down; graphql-ws then forgets the second run when the first one ends (its
   * `finally`), and the second would run on, unreachable by `complete` or the socket's close. Such a subscribe is
   * refused until the first run has ended (its id is still here).
   */
  operations?: Map<string, (() => void) | null>;
  /** Closes the socket when its sign-in token expires. */
  expiry?: NodeJS.Timeout;
  /** Gives back this socket's place under its caller's cap of open sockets. */
  socketPlace?: () => void;
};

/** A socket's error is the client's: it went away, and the socket closes by itself. */
export function ignoreSocketError(): void {}

/** Refuses an upgrade with an HTTP answer whose body has a code, as every other 4xx of the gateway. */
export function refuseUpgrade(socket: Duplex, status: 403 | 404, code: string, message: string): void {
  const body = JSON.stringify(errorBody(code, message));
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/** A WebSocket close reason is at most 123 bytes. */
export const closeReason = (text: string) =>
  Buffer.from(text)
    .subarray(0, 123)
    .toString()
    .replace(/\uFFFD+$/, '');

/** Closes the socket when the caller's token expires (timers cannot wait longer than ~24.8 days: re-armed). */
export function closeAtExpiry(extra: SocketExtra, expiresAt: number): void {
  const wait = expiresAt - Date.now();
  extra.expiry = setTimeout(
    () =>
      wait > maxTimerMs
        ? closeAtExpiry(extra, expiresAt)
        : extra.socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED: the sign-in token has expired'),
    Math.max(0, Math.min(wait, maxTimerMs)),
  );
  extra.expiry.unref();
}
const maxTimerMs = 2 ** 31 - 1;

/**
 * Releases the places of subscriptions graphql-ws no longer runs (it forgets an operation in a `finally`); returns how
 * many places the socket's operations still hold.
 */
export function pruneOpen(operations: Map<string, (() => void) | null>, running: Record<string, unknown>): number {
  let open = 0;
  for (const [id, release] of operations) {
    if (!release) continue;
    if (id in running) {
      open += 1;
      continue;
    }
    operations.set(id, null);
    release();
  }
  return open;
}

/** A message whose top-level `type` only a server may send (`next`, `error`); looked at closely only when it may be one. */
const mayBeServerOnly = /"type"\s*:\s*"(next|error)"/;
function isServerOnly(text: string): boolean {
  if (!mayBeServerOnly.test(text)) return false;
  try {
    const type = (JSON.parse(text) as { type?: unknown } | null)?.type;
    return type === 'next' || type === 'error';
  } catch {
    return false;
  }
}

/**
 * graphql-ws's ws adapter keeps each message it is handed until that operation ends (its handler awaits the whole
 * subscription), and ws hands it a Buffer: passing the text on instead saves the Buffer and its backing store, about
 * 0.5 KB per open subscription. graphql-ws reads messages as text (`String(data)`), so it sees no difference. A class
 * of its own (ws's `WebSocket` option) rather than a wrapper per socket: nothing is allocated per connection for it.
 *
 * It also keeps a client's protocol faults from reading as the server's: a `next` or `error` message from a client
 * (graphql-ws would close with 4500 and print a stack trace) is closed 4400 here, and a frame ws refuses (too large:
 * 1009; malformed) closes the socket as ws decides, without graphql-ws printing its error (ws has closed it already).
 */
export class TextMessageSocket extends WebSocket {
  /** The graphql-ws connection it carries (adapter.ts): the listeners every socket shares find it here. */
  connection: object | undefined = undefined;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message') {
      const text = Buffer.isBuffer(args[0]) ? args[0].toString() : args[0];
      if (typeof text === 'string' && isServerOnly(text)) {
        this.close(CloseCode.BadRequest, 'Invalid message received');
        return true;
      }
      args[0] = text;
    }
    if (event === 'error' && String((args[0] as { code?: unknown } | undefined)?.code).startsWith('WS_ERR_')) return true;
    return super.emit(event, ...args);
  }
}
