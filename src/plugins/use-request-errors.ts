/**
 * Every error a client sees has an `extensions.code`, and none carries internals. yoga leaves some request-level
 * errors without a code (bad variables, the CSRF refusal) and attaches `originalError` to some (invalid JSON); this
 * fills the code in and drops the internals (src/transport/error-shape.ts). An answer no accepted media type can carry
 * gets a coded 406 (a subscription asked for as plain JSON is also ended), and a GET whose `variables` or
 * `extensions` are not JSON a coded 400, where yoga would answer an empty 406 or an unexpected error.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { normalized } from '../transport/error-shape.js';

const notAcceptable = (message: string) => JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
const streamNotAcceptable = notAcceptable(
  'A subscription is a stream: ask for it with "Accept: text/event-stream" (SSE), or use graphql-ws.',
);
const answerNotAcceptable = notAcceptable(
  'No media type in Accept can carry this answer: ask for application/json or application/graphql-response+json.',
);

export function useRequestErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      // yoga's GET parser reads `variables` and `extensions` with JSON.parse, whose error it does not turn into a 400.
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (err) {
          if (!(err instanceof SyntaxError)) throw err;
          throw new GraphQLError("The request's variables or extensions are not valid JSON.", {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onResultProcess({ result, setResult, resultProcessor, setResultProcessor }) {
      if (!resultProcessor) {
        const stream = !!result && typeof result === 'object' && Symbol.asyncIterator in result;
        // No accepted media type can carry it: yoga would answer an empty 406 (and leave a stream, its subscription and
        // its place under the caller's cap, running with nobody to read it).
        if (stream) void (result as AsyncIterableIterator<unknown>).return?.();
        setResultProcessor(
          (_result, fetchAPI) =>
            new fetchAPI.Response(stream ? streamNotAcceptable : answerNotAcceptable, {
              status: 406,
              headers: { 'content-type': 'application/json; charset=utf-8' },
            }),
          'application/json',
        );
        return;
      }
      // A batch (MAX_BATCH_OPERATIONS): each operation's result as a single one's.
      if (Array.isArray(result)) return setResult(result.map((each) => withCodes(each as ExecutionResult)));
      if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
      setResult(withCodes(result as ExecutionResult));
    },
  };
}

function withCodes(result: ExecutionResult): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map(normalized) } : result;
}

/**
 * Parse errors carry GRAPHQL_PARSE_FAILED (and yoga's HTTP status for them) whichever transport parsed the document
 * first: yoga marks them only for requests it parsed itself, and its parse cache hands the same error object to every
 * later request with the same text (from the HTTP fast path or graphql-ws too).
 */
export function useParseErrors(): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (!(result instanceof GraphQLError)) return;
        const extensions = result.extensions as Record<string, unknown> & { http?: { spec?: boolean; status?: number } };
        extensions.code ??= 'GRAPHQL_PARSE_FAILED';
        extensions.http ??= {};
        extensions.http.spec ??= true;
        extensions.http.status ??= 400;
      };
    },
  };
}
