/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's HTTP server, at the same /graphql path,
 * executed by yoga's envelop so that schema, context and error masking are those of HTTP. The key comes from the
 * `connection_init` payload (`{ "authorization": "Bearer ..." }`, what browsers can send), else from the upgrade
 * request's Authorization header.
 *
 * Subscriptions to streams of states (fields marked `stateStream`, e.g. `taskUpdated`) with the same document,
 * variables and Authorization share one execution (src/live/shared-streams.ts): each is still parsed and validated
 * (so every limit applies), but only the first is executed, and the others join it.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, Kind, getOperationAST, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from './context.js';
import { SharedStreams, stateStreamExtension } from './live/shared-streams.js';
import type { Metrics } from './metrics.js';
import type { PersistedOperations } from './persisted/operations.js';

/** What yoga is given per operation besides the request: the key as the transport found it. */
export interface SocketContext {
  authorization: string | null;
}

type Envelope = ReturnType<YogaServerInstance<object, Context>['getEnveloped']>;
type Outcome = ExecutionResult | AsyncIterable<ExecutionResult>;

/** How one operation runs, handed from `onSubscribe` to `execute`/`subscribe` as its root value (used once). */
interface Run {
  run?: (args: ExecutionArgs) => Promise<Outcome>;
}

function authorizationOf(payload: Record<string, unknown> | undefined, request: IncomingMessage | undefined): string | null {
  const given = payload?.authorization ?? payload?.Authorization;
  if (typeof given === 'string') return given;
  return request?.headers.authorization ?? null;
}

/** What this module adds to graphql-ws's per-socket `ctx.extra`: the key, once the connection is initialised. */
type SocketExtra = { authorization?: string | null };

/** Whether every root field of a subscription is a stream of states, so that it may be shared. */
function isStateStream(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getSubscriptionType()?.getFields();
  if (!fields) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && fields[selection.name.value]?.extensions[stateStreamExtension] === true,
  );
}

/**
 * Errors without `extensions.http`: yoga puts the HTTP status and headers it would answer with there (validation,
 * persisted-query errors), which mean nothing on a socket.
 */
function withoutHttp(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    if (error.extensions.http === undefined) return error;
    const { http: _http, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
  });
}

/** Takes the operation's run out of its root value, so that the arguments graphql-ws keeps hold nothing more. */
function runOf(args: ExecutionArgs): Promise<Outcome> {
  const holder = args.rootValue as Run;
  const run = holder.run;
  holder.run = undefined;
  if (!run) throw new Error('operation already started');
  return run({ ...args, rootValue: undefined });
}

export interface GraphQLWebSocketServer {
  /** Closes every socket with 1001 (going away) and stops the WebSocket server. */
  close(): Promise<void>;
}

/**
 * `metrics`: its open-subscriptions gauge counts executions (in a yoga plugin); the subscribers that join a shared
 * execution are added here.
 */
export function attachGraphQLWebSocket(
  server: Server,
  yoga: YogaServerInstance<any, Context>,
  metrics?: Pick<Metrics, 'activeSubscriptions'>,
  persisted?: PersistedOperations,
): GraphQLWebSocketServer {
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const shared = new SharedStreams<ExecutionResult>((delta) => metrics?.activeSubscriptions.inc(delta));
  const disposable = useServer<Record<string, unknown>, SocketExtra>(
    {
      execute: (args: ExecutionArgs) => runOf(args),
      subscribe: (args: ExecutionArgs) => runOf(args),
      onConnect: (ctx) => {
        ctx.extra.authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
        // The key is all a socket needs from its upgrade request, and graphql-ws reads it only to build `extra`:
        // letting go of the request (its headers, streams and raw header strings) saves ~1 KB per open socket.
        (ctx.extra as { request?: IncomingMessage }).request = undefined;
      },
      onSubscribe: async (ctx, _id, given) => {
        let params;
        try {
          // A persisted query's hash becomes its document (graphql-ws passes the client's `extensions` on). The
          // protocol needs a `query` string, so a hash-only subscribe sends an empty one.
          const asked = { ...given, query: given.query || undefined };
          params = persisted ? await persisted.resolve(asked) : asked;
        } catch (err) {
          if (err instanceof GraphQLError) return withoutHttp([err]);
          throw err;
        }
        const { query } = params;
        if (query === undefined) return [new GraphQLError('Must provide query string.', { extensions: { code: 'BAD_REQUEST' } })];
        const socketContext: SocketContext = { authorization: ctx.extra.authorization ?? null };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ params, ...socketContext }) as Envelope;
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
        // `args` is runOf's own copy.
        const withContext = async (args: ExecutionArgs) => Object.assign(args, { contextValue: await contextFactory() });
        let run: Run['run'];
        if (operation?.operation !== 'subscription') {
          run = async (args) => execute(await withContext(args)) as Promise<Outcome>;
        } else if (!isStateStream(schema, operation)) {
          run = async (args) => subscribe(await withContext(args)) as Promise<Outcome>;
        } else {
          // Hashed: the map of running streams holds neither keys nor whole documents.
          const identity = JSON.stringify([socketContext.authorization, params.operationName ?? null, params.query, params.variables ?? null]);
          const key = createHash('sha256').update(identity).digest('base64url');
          run = (args) => shared.join(key, async () => subscribe(await withContext(args)) as Promise<Outcome>);
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
      },
    },
    wsServer,
  );
  return { close: () => disposable.dispose() as Promise<void> };
}
