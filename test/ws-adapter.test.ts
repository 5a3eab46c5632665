/**
 * The gateway's own graphql-ws adapter on `ws` (src/transport/websocket/adapter.ts), on its own: what graphql-ws's
 * adapter does and the gateway's suites do not reach. A socket that does not answer a keep-alive ping in time is
 * terminated, one that does stays open; a failure while a message is handled closes the socket 4500 (its message as
 * the reason, outside production); the subprotocol is graphql-ws's; disposing closes every socket 1001.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import WebSocket, { WebSocketServer } from 'ws';
import type { ServerOptions } from 'graphql-ws';
import { useServer, type Extra } from '../src/transport/websocket/adapter.js';
import { TextMessageSocket } from '../src/transport/websocket/socket.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'world' } } }),
});

const servers: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  // A server a test disposed of already is not running: closing it again fails, which says nothing here.
  await Promise.all(servers.splice(0).map((server) => server.dispose().catch(() => undefined)));
});

async function serve(options: ServerOptions<Record<string, unknown> | undefined, Extra> & { isProd?: boolean }, keepAlive?: number) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: TextMessageSocket });
  await once(wss, 'listening');
  const server = useServer(options, wss, keepAlive);
  servers.push(server);
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, server };
}

async function connect(url: string, options?: WebSocket.ClientOptions) {
  const ws = new WebSocket(url, 'graphql-transport-ws', options);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await once(ws, 'open');
  return { ws, closed };
}

describe('graphql-ws adapter', () => {
  it('answers queries, choosing the graphql-transport-ws subprotocol', async () => {
    const { url } = await serve({ schema });
    const { ws } = await connect(url);
    expect(ws.protocol).toBe('graphql-transport-ws');
    const messages: { type: string; payload?: unknown }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await vi.waitFor(() => expect(messages.map((m) => m.type)).toEqual(['connection_ack']));
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ hello }' } }));
    await vi.waitFor(() => expect(messages.map((m) => m.type)).toEqual(['connection_ack', 'next', 'complete']));
    expect(messages[1]?.payload).toEqual({ data: { hello: 'world' } });
    ws.close();
  });

  it('terminates a socket that does not answer a keep-alive ping in time, and keeps one that does', async () => {
    const { url } = await serve({ schema }, 250);
    const silent = await connect(url, { autoPong: false });
    const answering = await connect(url);
    const { code } = await silent.closed;
    expect(code).toBe(1006); // terminated: no close frame
    await new Promise((resolve) => setTimeout(resolve, 750)); // three more pings, each answered
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });

  it('closes the socket 4500 when handling a message fails, with the failure as the reason', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { url } = await serve({
      schema,
      isProd: false,
      onConnect: () => {
        throw new Error('the hook failed');
      },
    });
    const { ws, closed } = await connect(url);
    ws.send(JSON.stringify({ type: 'connection_init' }));
    expect(await closed).toEqual({ code: 4500, reason: 'the hook failed' });
    expect(console.error).toHaveBeenCalledWith(
      'Internal error occurred during message handling. Please check your implementation.',
      expect.any(Error),
    );
  });

  it('tells graphql-ws when a socket closes, and disposing closes every socket 1001', async () => {
    const closes: number[] = [];
    const { url, server } = await serve({ schema, onClose: (_ctx, code) => void closes.push(code ?? 0) });
    const first = await connect(url);
    first.ws.close(4321, 'bye');
    await vi.waitFor(() => expect(closes).toEqual([4321]));
    const second = await connect(url);
    await server.dispose();
    expect((await second.closed).code).toBe(1001);
  });
});
