// Apollo Client 4: queries and mutations over HTTP with automatic persisted queries, subscriptions over graphql-ws.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
// Typed documents from `npm run codegen` (operations/*.graphql).
import { OperationCostsDocument, SplitStemsBasicDocument, TaskDocument, TaskUpdatedDocument } from '../../operations/generated/graphql.js';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createApolloClient(baseUrl: string, apiKey?: string): ApolloClient {
  const authorization: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const http = new HttpLink({
    uri: `${baseUrl}/graphql`,
    // Hashed queries go as GETs (a CDN can cache them); from a page of another site a GET needs this header.
    headers: { 'apollo-require-preflight': 'true', ...authorization },
  });
  const ws = new GraphQLWsLink(createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, connectionParams: authorization }));
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.split(isSubscription, ws, new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(http)),
  });
}

/** A query, a mutation, a subscription to its end, and an error's code. */
export async function tour(client: ApolloClient, clipId: string) {
  const { data: costs } = await client.query({ query: OperationCostsDocument });
  const { data: split } = await client.mutate({ mutation: SplitStemsBasicDocument, variables: { clipId } });
  const taskId = split!.splitStemsBasic!.id;
  const statuses = await new Promise<string[]>((resolve, reject) => {
    const seen: string[] = [];
    client.subscribe({ query: TaskUpdatedDocument, variables: { taskId } }).subscribe({
      next: ({ data, error }) => (error ? reject(error) : seen.push(data!.taskUpdated.status)),
      error: reject,
      complete: () => resolve(seen),
    });
  });
  let errorCode: unknown;
  try {
    await client.query({ query: TaskDocument, variables: { id: 'not an id!' } });
  } catch (error) {
    if (CombinedGraphQLErrors.is(error)) errorCode = error.errors[0]?.extensions?.code; // BAD_USER_INPUT
  }
  return { operations: costs!.operationCosts.length, taskId, statuses, errorCode };
}
