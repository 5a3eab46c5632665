/**
 * The access rules (src/access) in yoga's pipeline, for HTTP and SSE: each GraphQL request (each operation of a
 * batch) is identified and counted against the rate limit once (src/transport/http/admit.ts: HTTP 401 UNAUTHENTICATED or 429 RATE_LIMITED, nothing
 * runs); an SSE subscription takes a place under the caller's cap of open subscriptions until it ends, and ends when
 * the user's token expires.
 */
import type { IncomingMessage } from 'node:http';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Access, Caller } from '../access/index.js';
import { GatewayError } from '../domain/errors.js';
import { admitHttpOperation } from '../transport/http/admit.js';

type HttpServerContext = { req?: IncomingMessage; caller?: Caller };

export function useAccess(access: Access): Plugin {
  /** Requests that carry a batch (MAX_BATCH_OPERATIONS): each of their operations is counted on its own. */
  const batches = new WeakSet<IncomingMessage>();
  return {
    onRequestParse({ serverContext }) {
      const req = (serverContext as HttpServerContext | undefined)?.req;
      if (!req) return;
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult)) batches.add(req);
        },
      };
    },
    async onParams({ context }) {
      // In a batch, yoga gives each operation a context of its own, so each gets its own caller. A single request the
      // fast path admitted already has its caller (src/transport/http/admit.ts: AdmittedRequest) and is not counted again.
      const server = context as HttpServerContext;
      if (server.req && (!server.caller || batches.has(server.req))) server.caller = await admitHttpOperation(access, server.req);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      // graphql-ws counts its own subscriptions (src/transport/websocket/server.ts); this is the SSE transport's share.
      const context = args.contextValue as HttpServerContext;
      if (!context.req || !context.caller) return;
      const release = access.openSubscription(context.caller);
      if (release instanceof GatewayError) return setResultAndStopExecution({ errors: [release] });
      const user = context.caller.user;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!(typeof result === 'object' && result !== null && Symbol.asyncIterator in result)) return release();
          // As a graphql-ws socket is closed when its token expires, an SSE stream then ends, with UNAUTHENTICATED.
          if (user) setResult(untilExpiry(result as AsyncIterableIterator<ExecutionResult>, user.expiresAt));
          return { onEnd: release };
        },
      };
    },
  };
}

const maxTimerMs = 2 ** 31 - 1;

/** The stream's results until `expiresAt` (epoch ms), then one UNAUTHENTICATED error, and the stream is ended. */
async function* untilExpiry(stream: AsyncIterableIterator<ExecutionResult>, expiresAt: number): AsyncGenerator<ExecutionResult> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    const wait = () => {
      const left = expiresAt - Date.now();
      timer = setTimeout(() => (left > maxTimerMs ? wait() : resolve('expired')), Math.max(0, Math.min(left, maxTimerMs)));
    };
    wait();
  });
  try {
    for (;;) {
      const next = await Promise.race([stream.next(), expired]);
      if (next === 'expired') {
        yield { errors: [new GatewayError('UNAUTHENTICATED', 'The sign-in token has expired: subscribe again with a fresh one.')] };
        return;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    await stream.return?.();
  }
}
