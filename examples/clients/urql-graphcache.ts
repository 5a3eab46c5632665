// urql with graphcache (a normalised cache): Task, Clip, Stem, Viewer and Persona are keyed by their id; the other
// types are values with no identity of their own, embedded in their parent (keyed `null`, so graphcache does not warn).
// An operation refused with RATE_LIMITED is sent again after `extensions.retryAfterSeconds` (rateLimitRetryExchange).
import { Client, fetchExchange, makeOperation, type Exchange, type Operation } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { filter, makeSubject, merge, pipe, share } from 'wonka';
// `npm run codegen` types `extensions.code` with the schema's ErrorCode enum.
import type { ErrorCode } from '../../operations/generated/graphql.js';

const embedded = () => null;
const valueTypes = [
  'Budget',
  'Credits',
  'ErrorCodeInfo',
  'GeneratedLyrics',
  'LyricsDraft',
  'LyricsTimeline',
  'MidiFile',
  'MidiInstrument',
  'MidiNote',
  'OperationCost',
  'PageInfo',
  'TaskConnection',
  'TaskEdge',
  'Tempo',
  'TimedLine',
  'TimedWord',
  'UploadedClip',
  'UpsampledTags',
  'VocalSample',
  'WavFile',
];

export interface RetryOptions {
  /** How many times one operation is sent again (default 2). */
  maxRetries?: number;
  /** Calls `then` after `seconds` (default: a timer); tests pass their own. */
  wait?: (seconds: number, then: () => void) => void;
}

/** Sends an operation refused with RATE_LIMITED again after the seconds the gateway named. Put it before fetchExchange. */
export function rateLimitRetryExchange({
  maxRetries = 2,
  wait = (s, then) => void setTimeout(then, s * 1000),
}: RetryOptions = {}): Exchange {
  return ({ forward }) =>
    (operations$) => {
      const { source: retries$, next: retry } = makeSubject<Operation>();
      return pipe(
        forward(pipe(merge([operations$, retries$]), share)),
        filter((result) => {
          const limited = result.error?.graphQLErrors.find((e) => (e.extensions?.code as ErrorCode | undefined) === 'RATE_LIMITED');
          const retries = (result.operation.context.rateLimitRetries as number | undefined) ?? 0;
          if (!limited || retries >= maxRetries) return true;
          const { operation } = result;
          const again = makeOperation(operation.kind, operation, { ...operation.context, rateLimitRetries: retries + 1 });
          wait(Number(limited.extensions?.retryAfterSeconds ?? 1), () => retry(again));
          return false;
        }),
      );
    };
}

export function createNormalisedUrqlClient(baseUrl: string, apiKey?: string, retry?: RetryOptions): Client {
  return new Client({
    url: `${baseUrl}/graphql`,
    fetchOptions: { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} },
    preferGetMethod: false,
    exchanges: [
      cacheExchange({ keys: Object.fromEntries(valueTypes.map((type) => [type, embedded])) }),
      rateLimitRetryExchange(retry),
      fetchExchange,
    ],
  });
}
