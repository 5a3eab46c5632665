/**
 * The shape of every error a client sees, on every transport: it has an `extensions.code` and carries no internals.
 * `maskError`: a GatewayError reaches the client with its code and safe message; GraphQL's own errors (syntax,
 * validation) pass as they are; anything else becomes INTERNAL_SERVER_ERROR (yoga logs the original).
 * `normalized`: an error made before execution (a bad variable, invalid JSON) gets its code and loses its internals.
 * `withoutSuggestion`: with introspection off, an error does not suggest names of the schema ("Did you mean ...?").
 * `withoutHttp`: an error sent on a socket loses the HTTP status and headers yoga put in it.
 */
import { GraphQLError } from 'graphql';

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

export function maskError(error: unknown): Error {
  // GatewayError is a GraphQLError, so the located error graphql-js builds around it carries its extensions.
  if (error instanceof GraphQLError && rootCause(error) instanceof GraphQLError) return error;
  const located = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError('Unexpected error.', {
    nodes: located?.nodes,
    path: located?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

function codeFor(error: GraphQLError): string {
  // graphql-js reports a variable that does not fit its type as 'Variable "$x" got invalid value ...'.
  return /^Variable "\$/.test(error.message) ? 'BAD_USER_INPUT' : 'BAD_REQUEST';
}

/** The error with a code (and without internals): as every transport gives it, yoga's HTTP path and graphql-ws. */
export function normalized(error: GraphQLError): GraphQLError {
  const { originalError, stacktrace, ...extensions } = error.extensions ?? {};
  // yoga's own code for a document whose operation cannot be chosen (several and no operationName, or an unknown
  // one) is not in the gateway's set: it is a bad request, as graphql-ws answers it (src/transport/websocket/server.ts).
  const renamed = extensions.code === 'OPERATION_RESOLUTION_FAILURE';
  if (renamed) extensions.code = 'BAD_REQUEST';
  const coded = typeof extensions.code === 'string';
  if (coded && !renamed && originalError === undefined && stacktrace === undefined) return error;
  if (!coded) extensions.code = codeFor(error);
  // A request refused before execution (no `data`) is a 400 for clients that ask for the GraphQL-over-HTTP media
  // type (yoga's default executor marks it so; graphql-js's, which this gateway runs, does not). `spec`: plain
  // application/json keeps its 200.
  if (!coded && extensions.code === 'BAD_USER_INPUT' && extensions.http === undefined) extensions.http = { status: 400, spec: true };
  // yoga keeps such an error's HTTP status (invalid JSON: 400) even for `Accept: application/json` only while it
  // carries its non-GraphQL `originalError`; without it, the status is kept explicitly.
  const http = extensions.http as { spec?: boolean } | undefined;
  if (originalError !== undefined && !(originalError instanceof GraphQLError) && http?.spec) extensions.http = { ...http, spec: false };
  return withExtensions(error, extensions);
}

/** The same error (message, locations, path) with other extensions, and without its original error. */
function withExtensions(error: GraphQLError, extensions: GraphQLError['extensions']): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/**
 * graphql-js suggests names of the schema in its errors: fields, arguments, types, enum values, input fields
 * (`Did you mean "description"?`, `Did you mean the enum value "SONIC_V4"?`), in validation and in the coercion of
 * variables. With introspection off they would give the schema away piece by piece, so each is dropped. Names are
 * letters, digits and `_`, so a suggestion never holds a `?` before its end.
 */
const suggestion = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!error.message.includes('Did you mean')) return error;
  return new GraphQLError(error.message.replace(suggestion, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * Errors without `extensions.http`: yoga puts the HTTP status and headers it would answer with there (validation,
 * persisted-query errors), which mean nothing on a socket.
 */
export function withoutHttp(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    if (error.extensions.http === undefined) return error;
    const { http: _http, ...extensions } = error.extensions;
    return withExtensions(error, extensions);
  });
}
