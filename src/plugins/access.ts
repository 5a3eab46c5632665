/**
 * The HTTP adapter of the access rules (src/access): one for yoga (HTTP and SSE) and the HTTP fast path alike.
 * A foreign browser origin is refused with 403 before anything else; each GraphQL request is identified and counted
 * against the rate limit once (HTTP 401 UNAUTHENTICATED or 429 RATE_LIMITED, nothing runs); an SSE subscription
 * takes a place under the caller's cap of open subscriptions until it ends, and ends when the user's token expires.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Access, Caller } from '../access/index.js';
import { GatewayError } from '../errors.js';
import { sendError } from '../http/reply.js';

/** Requests already admitted: the fast path admits before it may hand a request to yoga, which must not count it again. */
const admitted = new WeakMap<IncomingMessage, Caller>();

const statusOf: Partial<Record<GatewayError['code'], number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, FORBIDDEN: 403 };

/** The error with the HTTP status and headers yoga (and the fast path) answer it with. */
export function asHttpError(error: GatewayError): GraphQLError {
  const headers: Record<string, string> = {};
  if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer';
  if (error.details.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.details.retryAfterSeconds);
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { status: statusOf[error.code] ?? 400, headers } },
  });
}

/** Identifies the request's caller and counts it against the rate limit, once per request; throws the HTTP refusal. */
export async function admitHttpRequest(access: Access, req: IncomingMessage): Promise<Caller> {
  const known = admitted.get(req);
  if (known) return known;
  let caller: Caller;
  try {
    caller = await access.identify({
      remoteAddress: req.socket.remoteAddress,
      forwardedFor: req.headers['x-forwarded-for'],
      authorization: req.headers.authorization,
    });
  } catch (err) {
    throw err instanceof GatewayError ? asHttpError(err) : err;
  }
  const refusal = await access.admit(caller);
  if (refusal) throw asHttpError(refusal);
  admitted.set(req, caller);
  return caller;
}

/** Answers 403 to a browser whose origin may not use the API, and says whether it did. */
export function refuseForeignOrigin(access: Access, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (access.originAllowed(origin, req.headers.host)) return false;
  sendError(res, 403, 'FORBIDDEN', foreignOriginMessage(origin), { vary: 'Origin' });
  return true;
}

export const foreignOriginMessage = (origin: string | undefined) =>
  `Origin ${origin} may not use this API: the gateway serves browsers only from its own page and the origins listed in CORS_ORIGINS.`;

type HttpServerContext = { req?: IncomingMessage; caller?: Caller };

export function accessPlugin(access: Access): Plugin {
  return {
    async onParams({ context }) {
      const server = context as HttpServerContext;
      if (server.req) server.caller = await admitHttpRequest(access, server.req);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      // graphql-ws counts its own subscriptions (src/websocket.ts); this is the SSE transport's share.
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
