/**
 * Error masking: a GatewayError reaches the client with its code and safe message; GraphQL's own errors
 * (syntax, validation) pass as they are; anything else becomes INTERNAL_SERVER_ERROR (yoga logs the original).
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
