// Apollo Client 4 with BatchHttpLink: the queries a page starts together go as one POST (a JSON array). The gateway
// takes batches only with MAX_BATCH_OPERATIONS set, and counts each operation on its own (rate limit, query limits).
import { ApolloClient, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';

export function createBatchingApolloClient(baseUrl: string, apiKey?: string): ApolloClient {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new BatchHttpLink({
      uri: `${baseUrl}/graphql`,
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      batchMax: 5, // at most MAX_BATCH_OPERATIONS
      batchInterval: 20, // ms to wait for more operations to join the batch
    }),
  });
}
