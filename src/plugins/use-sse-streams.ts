/**
 * Subscriptions over SSE at shutdown. Completing them (what ends a graphql-ws subscription cleanly, its socket then
 * closed with 1001) would tell an SSE client that the task's stream is over: graphql-sse and EventSource treat
 * `complete` as the end and never reconnect, though the task still runs. So their connections are cut instead, which
 * every SSE client takes as a network error and retries, reaching another instance or this one restarted.
 *
 * Only subscriptions: a query or mutation over SSE (a paid POST in flight) drains like any other request.
 */
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

export interface SseSubscriptions {
  plugin: Plugin<{ res?: ServerResponse }>;
  /** Cuts the connection of every SSE subscription still open. */
  cut(): void;
}

export function useSseStreams(): SseSubscriptions {
  const open = new Set<ServerResponse>();
  return {
    plugin: {
      onSubscribe({ args }) {
        // Over HTTP, yoga's server context carries the response; over graphql-ws there is none (the socket closes).
        const res = (args.contextValue as { res?: ServerResponse }).res;
        if (!res || open.has(res)) return;
        open.add(res);
        res.once('close', () => open.delete(res));
      },
    },
    cut() {
      for (const res of open) res.destroy();
      open.clear();
    },
  };
}
