// urql: queries (as GETs) and mutations over HTTP with automatic persisted queries, subscriptions over graphql-ws.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient } from 'graphql-ws';
// Typed documents from `npm run codegen` (operations/*.graphql).
import { OperationCostsDocument, SplitStemsBasicDocument, TaskDocument, TaskUpdatedDocument } from '../../operations/generated/graphql.js';

export function createUrqlClient(baseUrl: string, apiKey?: string): Client {
  const authorization: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const ws = createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, connectionParams: authorization });
  return new Client({
    url: `${baseUrl}/graphql`,
    // urql sends queries as GETs; from a page of another site a GET needs this header (or set preferGetMethod: false).
    fetchOptions: { headers: { 'x-graphql-yoga-csrf': '1', ...authorization } },
    exchanges: [
      cacheExchange,
      persistedExchange({ preferGetForPersistedQueries: true }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}

/** A query, a mutation, a subscription to its end, and an error's code. */
export async function tour(client: Client, clipId: string) {
  const costs = await client.query(OperationCostsDocument, {}).toPromise();
  const split = await client.mutation(SplitStemsBasicDocument, { clipId }).toPromise();
  const taskId = split.data!.splitStemsBasic!.id;
  const statuses = await new Promise<string[]>((resolve, reject) => {
    const seen: string[] = [];
    const { unsubscribe } = client.subscription(TaskUpdatedDocument, { taskId }).subscribe((result) => {
      if (result.error) return reject(result.error);
      if (result.hasNext) return void seen.push(result.data!.taskUpdated.status);
      unsubscribe(); // the server completed the subscription
      resolve(seen);
    });
  });
  const failed = await client.query(TaskDocument, { id: 'not an id!' }).toPromise();
  const errorCode = failed.error?.graphQLErrors[0]?.extensions.code; // BAD_USER_INPUT
  return { operations: costs.data!.operationCosts.length, taskId, statuses, errorCode };
}
