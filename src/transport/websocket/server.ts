/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's HTTP server, at the same /graphql path,
 * executed by yoga's envelop so that schema, context and error masking are those of HTTP (graphql-ws's server on `ws`
 * through adapter.ts, which holds less per socket and operation than graphql-ws's own adapter). It is the WebSocket
 * adapter of the access rules (src/access), held to everything HTTP obeys: the upgrade is refused (403, before any
 * graphql-ws message) for a browser origin that may not call; a message over MAX_BODY_BYTES closes the socket
 * (1009) before it is parsed; the caller (its key, or with sign-in its token, from the `connection_init` payload
 * `{ "authorization": "Bearer ..." }` or the upgrade's Authorization header) is identified once per socket, and a
 * socket whose token expires is closed (4403) then, and a refused token counts against the IP's rate limit; open
 * sockets are capped per caller (4429); every operation counts against the rate limit, and its variables are held to
 * the limits of src/access/variables.ts; open subscriptions are capped per socket and per caller (RATE_LIMITED for
 * that subscribe, the socket stays usable).
 *
 * Subscriptions to streams of states (fields marked `stateStream`, e.g. `taskUpdated`) with the same document,
 * variables and caller share one execution (src/transport/websocket/shared-streams.ts): each is still parsed and validated
 * (so every limit applies), but only the first is executed, and the others join it. The execution itself runs lean
 * (src/transport/websocket/state-subscription.ts: graphql-js's own steps, not yoga's per-operation pipeline), unless tracing is on.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { CloseCode, type Context as WsContext, type SubscribePayload } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Access } from '../../access/index.js';
import type { Context } from '../../context.js';
import { variablesProblem } from '../../access/variables.js';
import { GatewayError } from '../../domain/errors.js';
import {
  authorizationOf,
  closeAtExpiry,
  closeReason,
  ignoreSocketError,
  pruneOpen,
  refuseUpgrade,
  TextMessageSocket,
  type SocketExtra,
} from './socket.js';
import { SharedStreams } from './shared-streams.js';
import { useServer } from './adapter.js';
import { isStateStream, subscribeToStates } from './state-subscription.js';
import type { Metrics } from '../../observability/metrics.js';
import type { PersistedOperations } from '../../persisted/documents.js';
import { foreignOriginMessage } from '../http/admit.js';
import { normalized, withoutHttp, withoutSuggestion } from '../error-shape.js';
import { runInRequestScope, type RequestScope } from '../../observability/request-scope.js';

type Envelope = ReturnType<YogaServerInstance<object, Context>['getEnveloped']>;
type Outcome = ExecutionResult | AsyncIterable<ExecutionResult>;

/** How one operation runs, handed from `onSubscribe` to `execute`/`subscribe` as its root value (used once). */
interface Run {
  run?: (args: ExecutionArgs) => Promise<Outcome>;
}

/**
 * Takes the operation's run out of its root value, so that the arguments graphql-ws keeps hold nothing more. The run
 * is given graphql-ws's own arguments (no copy: a subscription would hold both for as long as it is open).
 */
function runOf(args: ExecutionArgs): Promise<Outcome> {
  const holder = args.rootValue as Run | undefined;
  const run = holder?.run;
  if (!holder || !run) throw new Error('operation already started');
  holder.run = undefined;
  args.rootValue = undefined;
  return run(args);
}

export interface GraphQLWebSocketServer {
  /** Closes every socket with 1001 (going away) and stops the WebSocket server. */
  close(): Promise<void>;
}

export interface WebSocketOptions {
  access: Access;
  /** MAX_BODY_BYTES: a bigger message closes the socket (1009) before it is read. */
  maxPayloadBytes: number;
  /**
   * Its open-subscriptions gauge counts executions (in a yoga plugin, or for streams of states in
   * state-subscription.ts); the subscribers that join a shared execution are added here.
   */
  metrics?: Pick<Metrics, 'activeSubscriptions' | 'graphqlRequests'>;
  persisted?: PersistedOperations;
  /** ALLOW_INTROSPECTION is off: no error may suggest a name of the schema. */
  hideSuggestions?: boolean;
  /**
   * Tracing is on: streams of states then run through yoga's subscribe too, where each gets its span, rather than
   * lean (src/transport/websocket/state-subscription.ts), at the memory cost of its pipeline.
   */
  traced?: boolean;
}

export function attachGraphQLWebSocket(
  server: Server,
  yoga: YogaServerInstance<any, Context>,
  options: WebSocketOptions,
): GraphQLWebSocketServer {
  const { access, metrics, persisted } = options;
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes, WebSocket: TextMessageSocket });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // node:http takes its own error handler off a socket it hands to 'upgrade': without one, a client that resets the
    // connection while it is refused (or upgraded) would throw an unhandled 'error' and end the process.
    socket.on('error', ignoreSocketError);
    if (req.url?.split('?')[0] !== yoga.graphqlEndpoint)
      return refuseUpgrade(socket, 404, 'NOT_FOUND', 'WebSocket connections are served at /graphql only.');
    if (!access.originAllowed(req.headers.origin)) return refuseUpgrade(socket, 403, 'FORBIDDEN', foreignOriginMessage(req.headers.origin));
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });
  const shared = new SharedStreams<ExecutionResult>((delta) => metrics?.activeSubscriptions.inc(delta));
  const disposable = useServer<Record<string, unknown>, SocketExtra>(
    {
      execute: (args: ExecutionArgs) => runOf(args),
      subscribe: (args: ExecutionArgs) => runOf(args),
      onConnect: async (ctx) => {
        const { extra } = ctx;
        const request = (extra as { request?: IncomingMessage }).request;
        // The caller is all a socket needs from its upgrade request, and graphql-ws reads it only to build `extra`:
        // letting go of the request (its headers, streams and raw header strings) saves ~1 KB per open socket.
        (extra as { request?: IncomingMessage }).request = undefined;
        const facts = {
          remoteAddress: request?.socket.remoteAddress,
          forwardedFor: request?.headers['x-forwarded-for'],
          authorization: authorizationOf(ctx.connectionParams, request),
        };
        try {
          extra.caller = await access.identify(facts);
        } catch (err) {
          if (!(err instanceof GatewayError)) throw err;
          // A refused token counts against the IP's rate limit, as over HTTP.
          const limited = await access.countRefused(facts);
          extra.socket.close(
            CloseCode.Forbidden,
            closeReason(`${limited ? 'RATE_LIMITED' : 'UNAUTHENTICATED'}: ${(limited ?? err).message}`),
          );
          return false;
        }
        const socketPlace = access.openSocket(extra.caller);
        if (socketPlace instanceof GatewayError) {
          extra.socket.close(CloseCode.TooManyInitialisationRequests, closeReason(`RATE_LIMITED: ${socketPlace.message}`));
          return false;
        }
        extra.socketPlace = socketPlace;
        // Read once, for the caller: the payload (its token) is not kept for the socket's life.
        (ctx as { connectionParams?: unknown }).connectionParams = undefined;
        extra.operations = new Map();
        if (extra.caller.user) closeAtExpiry(extra, extra.caller.user.expiresAt);
        return true;
      },
      onComplete: (ctx, id) => {
        const release = ctx.extra.operations?.get(id);
        ctx.extra.operations?.delete(id);
        release?.();
      },
      // Errors graphql-js makes before any resolver runs (a variable that does not fit its type) have no code; yoga's
      // HTTP path gives them one in a plugin hook this transport does not run (src/plugins/use-request-errors.ts).
      // With introspection off, no error suggests a name of the schema: the lean streams of states skip envelop's hooks.
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return undefined;
        let errors = options.hideSuggestions ? result.errors.map(withoutSuggestion) : result.errors;
        if (errors.some((error) => typeof error.extensions?.code !== 'string')) errors = withoutHttp(errors.map(normalized));
        return errors.every((error, i) => error === result.errors?.[i]) ? undefined : { ...result, errors };
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        ctx.extra.socketPlace?.();
        for (const release of ctx.extra.operations?.values() ?? []) release?.();
        ctx.extra.operations?.clear();
      },
      onSubscribe: async (ctx, id, given) => {
        const { operations } = ctx.extra;
        if (!operations) return [new GatewayError('UNAUTHENTICATED', 'The connection is not initialised.')];
        if (operations.has(id)) {
          return [
            new GraphQLError(`Operation ${id} is still ending: subscribe with another id, or again once it has completed.`, {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        // Marked before anything is awaited: a complete and a reuse of the id may arrive while this one is prepared.
        operations.set(id, null);
        try {
          const prepared = await prepare(ctx, id, given);
          if (Array.isArray(prepared)) {
            operations.delete(id); // refused: nothing runs under the id
          } else {
            // graphql-ws keeps the subscribe message for as long as the operation runs, and passes its payload only to
            // hooks that do not read it: its text (a copy per subscription; the parsed document is shared) is let go.
            (given as { query: string }).query = '';
          }
          return prepared;
        } catch (err) {
          operations.delete(id);
          throw err;
        }
      },
    },
    wsServer,
  );

  /** The operation's execution arguments, or why it is refused. */
  async function prepare(ctx: WsContext<Record<string, unknown>, SocketExtra>, id: string, given: SubscribePayload) {
    const { caller, operations } = ctx.extra;
    if (!caller || !operations) return [new GatewayError('UNAUTHENTICATED', 'The connection is not initialised.')];
    const refusal = await access.admit(caller);
    if (refusal) return [refusal];
    const tooBig = variablesProblem(given.variables);
    if (tooBig) return [new GraphQLError(tooBig, { extensions: { code: 'BAD_REQUEST' } })];
    let params;
    try {
      // A persisted query's hash becomes its document (graphql-ws passes the client's `extensions` on). The
      // protocol needs a `query` string, so a hash-only subscribe sends an empty one.
      const asked = { ...given, query: given.query || undefined };
      params = persisted ? await persisted.resolve(asked, caller.tenant) : asked;
    } catch (err) {
      if (err instanceof GraphQLError) return withoutHttp([err]);
      throw err;
    }
    const { query } = params;
    if (query === undefined) return [new GraphQLError('Must provide query string.', { extensions: { code: 'BAD_REQUEST' } })];
    // Not the params: a subscription's context lives as long as it does, and nothing after parsing reads them.
    const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ caller }) as Envelope;
    let document;
    try {
      document = parse(query);
    } catch (err) {
      if (err instanceof GraphQLError) return withoutHttp([err]);
      throw err;
    }
    const errors = validate(schema, document);
    if (errors.length > 0) return withoutHttp(errors);
    const operation = getOperationAST(document, params.operationName);
    if (!operation) {
      // As yoga's HTTP path refuses it (a BAD_REQUEST there too: src/transport/error-shape.ts).
      const message = params.operationName
        ? `Could not determine what operation to execute: the document has no operation named "${params.operationName}".`
        : 'Could not determine what operation to execute: the document has several operations, and no operationName.';
      return [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })];
    }
    if (operation.operation === 'subscription') {
      if (pruneOpen(operations, ctx.subscriptions) >= access.maxSubscriptionsPerSocket) {
        return [new GatewayError('RATE_LIMITED', `Too many open subscriptions: at most ${access.maxSubscriptionsPerSocket} per socket.`)];
      }
      const release = access.openSubscription(caller);
      if (release instanceof GatewayError) return [release];
      operations.set(id, release);
    }
    // `args` are graphql-ws's, which it keeps for as long as the operation runs (the context is held by the run anyway).
    const withContext = async (args: ExecutionArgs) => Object.assign(args, { contextValue: await contextFactory() });
    let run: Run['run'];
    if (operation.operation !== 'subscription') {
      run = async (args) => execute(await withContext(args)) as Promise<Outcome>;
    } else if (!isStateStream(schema, operation)) {
      run = async (args) => subscribe(await withContext(args)) as Promise<Outcome>;
    } else {
      // Hashed: the map of running streams holds neither keys nor whole documents.
      // Keyed by tenant and upstream key: subscribers who may see the same tasks the same way share.
      const identity = JSON.stringify([
        caller.tenant,
        caller.apiKey ?? null,
        caller.credentialProblem ?? null,
        params.operationName ?? null,
        params.query,
        params.variables ?? null,
      ]);
      const key = createHash('sha256').update(identity).digest('base64url');
      // Run lean (state-subscription.ts), shared or not: only the first of identical ones is executed at all.
      const start = options.traced
        ? (args: ExecutionArgs) => subscribe(args) as Promise<Outcome>
        : (args: ExecutionArgs) => subscribeToStates(args, metrics);
      run = (args) => shared.join(key, async () => start(await withContext(args)));
    }
    // A query or mutation runs as an HTTP request does (src/app/gateway.ts): every log line written while it runs is
    // scrubbed of its key. Not a subscription: its scope would be held by every promise of the stream for as long
    // as it is open (~1 KB each); its upstream reads are made by the shared feed, and upstream errors are scrubbed
    // of the key they were sent with where they are made (src/upstream/faults.ts).
    const unscoped = run;
    if (operation.operation !== 'subscription') {
      const scope: RequestScope = { requestId: randomUUID(), secrets: caller.apiKey ? [caller.apiKey] : [] };
      run = (args) => runInRequestScope(scope, () => unscoped(args));
    }
    return {
      schema,
      operationName: params.operationName,
      document,
      variableValues: params.variables,
      // Made when the operation runs (a shared subscription that joins a running one needs none).
      contextValue: undefined,
      rootValue: { run } satisfies Run,
    };
  }
  return { close: () => disposable.dispose() as Promise<void> };
}
