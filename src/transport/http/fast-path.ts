/**
 * The HTTP fast path: a plain JSON POST of one query or mutation from a non-browser client is answered without yoga's
 * fetch-API layer, which costs more than the rest of such a request (bench/RESULTS.md, benchmark 2). Its document is
 * parsed and validated through yoga's envelop once (the same limits and rules) and then executed by graphql-js
 * directly with the gateway's context, masking and metrics (prepared.ts); with tracing on, each request runs through
 * envelop, whose plugin makes its span.
 *
 * Anything else goes to yoga, which answers it in full: requests with an `Origin` (browsers: CORS, CSRF), other
 * content types or `Accept` values (SSE, multipart), batches, subscriptions, documents with @defer or @stream, and every request that fails to parse,
 * validate or coerce its variables (yoga's answer to those has its own status codes). A fallback always happens
 * before any resolver runs, so nothing is executed twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, GraphQLError, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Access, Caller } from '../../access/index.js';
import type { Context } from '../../context.js';
import type { Metrics } from '../../observability/metrics.js';
import { variablesProblem } from '../../access/variables.js';
import { normalized } from '../error-shape.js';
import { admitHttpOperation, type AdmittedRequest } from './admit.js';
import { acceptedEncoding, compress, compressFromBytes } from './compression.js';
import { usesIncrementalDelivery } from '../../plugins/use-graphql-js.js';
import { countErrors } from '../../plugins/use-metrics.js';
import type { ExecutionCostCheck } from '../../plugins/use-query-limits.js';
import { documentIdParam, type PersistedOperations } from '../../persisted/documents.js';
import { requestIdHeader } from './request-id.js';
import type { AnswerCache } from './answer-cache.js';
import { PreparedDocuments, type Prepared } from './prepared.js';

interface Params {
  query: string | undefined;
  /** A trusted document named by its manifest hash (src/persisted/documents.ts). */
  documentId?: unknown;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  extensions: Record<string, unknown> | undefined;
  /** The response's media type, as yoga would choose it from `Accept`. */
  mediaType: ResultMediaType;
}

type ResultMediaType = 'application/json' | 'application/graphql-response+json';

/**
 * yoga's choice of media type for a single result (its use-result-processor): the first `Accept` entry in utf-8 that
 * a JSON type matches, application/json when both do (a wildcard). Streams are chosen only when no entry matches
 * JSON, and q-values are not weighed. Undefined when no entry matches JSON: yoga answers those (a stream, or 406).
 */
export function resultMediaType(accept: string | undefined): ResultMediaType | undefined {
  // What most clients send (or nothing), without taking the header apart.
  if (accept === undefined || accept === '*/*' || accept === 'application/json') return 'application/json';
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type = '', ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset='));
    if (charset && charset !== 'charset=utf-8') continue;
    const [pre, sub] = type.split('/');
    if (pre !== '*' && pre !== 'application') continue;
    if (sub === '*' || sub === 'json') return 'application/json';
    if (sub === 'graphql-response+json') return 'application/graphql-response+json';
  }
  return undefined;
}

const knownParams = new Set(['query', 'variables', 'operationName', 'extensions', documentIdParam]);
const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request's GraphQL parameters when it qualifies for the fast path, else undefined. */
export function fastPathParams(req: IncomingMessage, body: Buffer): Params | undefined {
  if (req.method !== 'POST' || req.headers.origin !== undefined) return undefined;
  if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) return undefined;
  const mediaType = resultMediaType(req.headers.accept);
  if (!mediaType) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isMap(parsed)) return undefined;
  // Whatever yoga would refuse (unknown parameters, parameters of the wrong type) is left to it.
  for (const name in parsed) if (parsed[name] != null && !knownParams.has(name)) return undefined;
  const { query, variables, operationName, extensions, documentId } = parsed;
  if (query != null && typeof query !== 'string') return undefined;
  // Variables over the limits (src/access/variables.ts) are yoga's to refuse, before anything walks them.
  if (variables != null && (!isMap(variables) || variablesProblem(variables))) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (extensions != null && !isMap(extensions)) return undefined;
  return {
    query: query ?? undefined,
    variables: variables ?? undefined,
    operationName: operationName ?? undefined,
    extensions: extensions ?? undefined,
    ...(documentId != null ? { documentId } : {}),
    mediaType,
  };
}

const contentTypes: Record<ResultMediaType, string> = {
  'application/json': 'application/json; charset=utf-8',
  'application/graphql-response+json': 'application/graphql-response+json; charset=utf-8',
};

/**
 * The answer in one write: its headers are known up front but for the length (and a refusal's own headers), and they
 * go to `writeHead` together, the request id with them (src/app/gateway.ts sets none before this path). A POST's
 * answer depends on its caller and is never kept by a cache (src/plugins/use-http-caching.ts says the same for yoga's).
 */
function send(
  res: ServerResponse,
  requestId: string,
  status: number,
  mediaType: ResultMediaType,
  payload: string | Buffer,
  headers?: Record<string, string>,
): void {
  const head = [
    requestIdHeader,
    requestId,
    'content-type',
    contentTypes[mediaType],
    'content-length',
    String(Buffer.byteLength(payload)),
    'cache-control',
    'private, no-store',
    'vary',
    'Origin, Authorization, Accept-Encoding',
  ];
  if (headers) for (const name in headers) head.push(name, headers[name] as string);
  res.writeHead(status, head);
  res.end(payload);
}

/**
 * An answer, compressed when the client accepts it and it is large enough to gain (src/transport/http/compression.ts).
 * Only a compressed one returns a promise (most answers are small: no promise to await).
 */
function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  mediaType: ResultMediaType,
  payload: string,
): Promise<void> | undefined {
  const encoding = payload.length >= compressFromBytes ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
  if (!encoding) return void send(res, requestId, 200, mediaType, payload);
  return compress(payload, encoding).then((compressed) =>
    send(res, requestId, 200, mediaType, compressed, { 'content-encoding': encoding }),
  );
}

export interface FastPathDeps {
  yoga: YogaServerInstance<any, any>;
  access: Access;
  metrics: Metrics;
  persisted: PersistedOperations;
  /** Answers made only of kept tasks (finished, or running within the freshness window), given again without executing. */
  answers?: AnswerCache | undefined;
  /** Prepared execution (prepared.ts): the schema, each operation's context, and error masking; unset with tracing on. */
  prepared?:
    | {
        schema: GraphQLSchema;
        context: (caller: Caller) => Context;
        mask: (error: GraphQLError) => GraphQLError;
        /** What the query-limit plugins check when a document executes (its cost with its variables). */
        executionCost: ExecutionCostCheck;
      }
    | undefined;
}

/** Returns a handler that answers an eligible request and resolves true, or resolves false and leaves it to yoga. */
export function createFastPath({ yoga, access, metrics, persisted, answers, prepared }: FastPathDeps) {
  const documents = new PreparedDocuments();
  /**
   * `server`: the server context yoga gets if the request falls back (its caller is set once it is admitted).
   * `requestId`: sent with this path's answers (the caller sets it on the response when this path declines).
   */
  return async (req: IncomingMessage, res: ServerResponse, body: Buffer, server: AdmittedRequest, requestId: string): Promise<boolean> => {
    const given = fastPathParams(req, body);
    if (!given) return false;
    if (given.query !== undefined && (persisted.only || given.extensions?.persistedQuery !== undefined || given.documentId !== undefined)) {
      return false; // a refusal, or a registration (which yoga makes only once the rate limit let it through)
    }
    const initial: { req: IncomingMessage; res: ServerResponse; params: Params; caller?: Caller } = { req, res, params: given };
    let caller: Caller;
    try {
      // The same admission as yoga's (src/transport/http/admit.ts), which will not count this request again if it falls back.
      caller = initial.caller = server.caller = await admitHttpOperation(access, req);
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      const { http, ...extensions } = err.extensions as { http: { status: number; headers: Record<string, string> } };
      metrics.fastPathRequests.inc();
      countErrors(metrics, { errors: [err] });
      send(res, requestId, http.status, given.mediaType, JSON.stringify({ errors: [{ message: err.message, extensions }] }), http.headers);
      return true;
    }
    let params = given;
    if (given.query === undefined) {
      // A persisted query's hash: its document is looked up as yoga looks it up, in the caller's registrations (and
      // the manifest); an unknown hash is yoga's to answer.
      try {
        params = initial.params = await persisted.resolve(given, caller.tenant);
      } catch {
        return false;
      }
    }
    const query = params.query;
    if (query === undefined) return false;
    const answerKey = answers?.key(caller.tenant, { query, variables: params.variables, operationName: params.operationName });
    const kept = answerKey === undefined ? undefined : answers?.get(answerKey);
    if (kept !== undefined) {
      metrics.graphqlRequests.inc({ operation: 'query' });
      metrics.fastPathRequests.inc();
      const sending = sendAnswer(req, res, requestId, params.mediaType, kept);
      if (sending) await sending;
      return true;
    }
    let result: ExecutionResult;
    let contextValue: Context;
    let operation: Prepared['operation'];
    if (prepared) {
      const doc = documents.get(query, params.operationName, () => {
        const envelope = yoga.getEnveloped(initial);
        return { parse: envelope.parse, validate: (document) => envelope.validate(envelope.schema, document) };
      });
      // @defer/@stream answer in parts (multipart/mixed), which yoga writes.
      if (!doc || usesIncrementalDelivery(doc.document)) return false;
      // Over the cost its variables give it: yoga answers it (its plugin refuses it the same way, with its status).
      if (prepared.executionCost(prepared.schema, doc.document, params.variables)) return false;
      operation = doc.operation;
      contextValue = prepared.context(caller);
      const args = {
        schema: prepared.schema,
        document: doc.document,
        variableValues: params.variables,
        operationName: params.operationName,
      };
      const compiled = documents.compiledQuery(doc, prepared.schema);
      const fast = compiled ? await compiled.query(undefined, contextValue, params.variables ?? {}) : undefined;
      // An answer with errors is graphql-js's to give: graphql-jit's differ in their details (the locations of a masked
      // error, a null in a non-null field, a list with failed items). Its task reads are done: the request's loader
      // keeps them, so running it again costs no upstream read (compiled documents read only tasks: prepared.ts).
      result = fast && !fast.errors?.length ? fast : await execute({ ...args, contextValue });
      if ('data' in result) {
        metrics.graphqlRequests.inc({ operation: operation.operation });
        // Masked as yoga masks them, and with a code as its plugin gives one (src/plugins/use-request-errors.ts).
        if (result.errors) result = { ...result, errors: result.errors.map((error) => normalized(prepared.mask(error) as GraphQLError)) };
      }
    } else {
      const { parse, validate, contextFactory, execute: run, schema } = yoga.getEnveloped(initial);
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        return false;
      }
      if (validate(schema, document).length > 0) return false;
      const found = getOperationAST(document, params.operationName);
      if (!found || found.operation === 'subscription' || usesIncrementalDelivery(document)) return false;
      operation = found;
      try {
        contextValue = (await contextFactory()) as unknown as Context;
      } catch {
        return false; // yoga reports a context that cannot be built; nothing has run yet
      }
      const args = { schema, document, variableValues: params.variables, operationName: params.operationName };
      result = (await run({ ...args, contextValue })) as ExecutionResult;
    }
    // No `data`: the request failed before execution (e.g. variables of the wrong type); yoga answers those.
    if (!('data' in result)) return false;
    metrics.fastPathRequests.inc();
    countErrors(metrics, result);
    const payload = JSON.stringify(result);
    const sending = sendAnswer(req, res, requestId, params.mediaType, payload);
    if (sending) await sending;
    if (answerKey !== undefined && !result.errors?.length)
      void answers?.keep(answerKey, payload, operation, caller.tenant, contextValue.tasks);
    return true;
  };
}
