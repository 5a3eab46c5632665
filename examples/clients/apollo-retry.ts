// Apollo Client 4: an operation the gateway refused with RATE_LIMITED (its own rate limit, or the upstream's) is sent
// again after `extensions.retryAfterSeconds`. It arrives as a GraphQL error, not a network error, so RetryLink does
// not see it: an ErrorLink does. Such a request was refused before anything ran, so sending it again is safe.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import type { GraphQLFormattedError } from 'graphql';
import { mergeMap, of, timer, type Observable } from 'rxjs';
// `npm run codegen` types `extensions.code` with the schema's ErrorCode enum.
import type { ErrorCode } from '../../operations/generated/graphql.js';

export interface RetryOptions {
  /** How many times one operation is sent again (default 2). */
  maxRetries?: number;
  /** Waits `seconds` (default: a timer); tests pass their own. */
  wait?: (seconds: number) => Observable<unknown>;
}

const rateLimited = (errors: readonly GraphQLFormattedError[] | undefined) =>
  errors?.find((e) => (e.extensions?.code as ErrorCode | undefined) === 'RATE_LIMITED');

export function rateLimitRetryLink({ maxRetries = 2, wait = (seconds) => timer(seconds * 1000) }: RetryOptions = {}): ApolloLink {
  return new ErrorLink(({ error, operation, forward }) => {
    const first = CombinedGraphQLErrors.is(error) ? rateLimited(error.errors) : undefined;
    if (!first || maxRetries < 1) return;
    // A retried answer does not pass through this link again: each retry looks at its own answer.
    const retry = (limited: GraphQLFormattedError, done: number): Observable<ApolloLink.Result> =>
      wait(Number(limited.extensions?.retryAfterSeconds ?? 1)).pipe(
        mergeMap(() => forward(operation)),
        mergeMap((result) => {
          const again = rateLimited(result.errors);
          return again && done + 1 < maxRetries ? retry(again, done + 1) : of(result);
        }),
      );
    return retry(first, 0);
  });
}

export function createRetryingApolloClient(baseUrl: string, apiKey?: string, options?: RetryOptions): ApolloClient {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([rateLimitRetryLink(options), new HttpLink({ uri: `${baseUrl}/graphql`, headers })]),
  });
}
