/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the gateway's HTTP server, at the same /graphql path,
 * executed by yoga's envelop so that schema, context and error masking are those of HTTP. The key comes from the
 * `connection_init` payload (`{ "authorization": "Bearer ..." }`, what browsers can send), else from the upgrade
 * request's Authorization header.
 */
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from './context.js';

/** What yoga is given per operation besides the request: the key as the transport found it. */
export interface SocketContext {
  authorization: string | null;
}

type Envelope = Pick<ReturnType<YogaServerInstance<object, Context>['getEnveloped']>, 'execute' | 'subscribe'>;

function authorizationOf(payload: Record<string, unknown> | undefined, request: IncomingMessage): string | null {
  const given = payload?.authorization ?? payload?.Authorization;
  if (typeof given === 'string') return given;
  return request.headers.authorization ?? null;
}

export interface GraphQLWebSocketServer {
  /** Closes every socket with 1001 (going away) and stops the WebSocket server. */
  close(): Promise<void>;
}

export function attachGraphQLWebSocket(server: Server, yoga: YogaServerInstance<any, Context>): GraphQLWebSocketServer {
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const disposable = useServer<Record<string, unknown>>(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as Envelope).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Envelope).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const socketContext: SocketContext = { authorization: authorizationOf(ctx.connectionParams, ctx.extra.request) };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          req: ctx.extra.request,
          params,
          ...socketContext,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies Envelope,
        };
      },
    },
    wsServer,
  );
  return { close: () => disposable.dispose() as Promise<void> };
}
