/**
 * The HTTP fast path: a plain JSON POST of one query or mutation from a non-browser client is run through yoga's
 * envelop (the same parse and validation caches, limits, masking, context and plugins) without yoga's fetch-API
 * layer, which costs more than the rest of such a request (bench/RESULTS.md, benchmark 1).
 *
 * Anything else goes to yoga, which answers it in full: requests with an `Origin` (browsers: CORS, CSRF), other
 * content types or `Accept` values (SSE, multipart), batches, subscriptions, and every request that fails to parse,
 * validate or coerce its variables (yoga's answer to those has its own status codes). A fallback always happens
 * before any resolver runs, so nothing is executed twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Access, Caller } from '../access/index.js';
import type { Metrics } from '../metrics.js';
import { admitHttpRequest } from '../plugins/access.js';
import { countErrors } from '../plugins/metrics.js';

interface Params {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

const jsonAccept = /application\/json|application\/graphql-response\+json|\*\/\*/;

/** The request's GraphQL parameters when it qualifies for the fast path, else undefined. */
export function fastPathParams(req: IncomingMessage, body: Buffer): Params | undefined {
  if (req.method !== 'POST' || req.headers.origin !== undefined) return undefined;
  if (!req.headers['content-type']?.startsWith('application/json')) return undefined;
  const accept = req.headers.accept;
  if (accept && (!jsonAccept.test(accept) || accept.includes('text/event-stream'))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (operationName ?? undefined) as string | undefined,
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export interface FastPathDeps {
  yoga: YogaServerInstance<any, any>;
  access: Access;
  metrics: Metrics;
}

/** Returns a handler that answers an eligible request and resolves true, or resolves false and leaves it to yoga. */
export function createFastPath({ yoga, access, metrics }: FastPathDeps) {
  return async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> => {
    const params = fastPathParams(req, body);
    if (!params) return false;
    const initial: { req: IncomingMessage; res: ServerResponse; params: Params; caller?: Caller } = { req, res, params };
    const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped(initial);
    let document: DocumentNode;
    try {
      document = parse(params.query);
    } catch {
      return false;
    }
    if (validate(schema, document).length > 0) return false;
    const operation = getOperationAST(document, params.operationName);
    if (!operation || operation.operation === 'subscription') return false;

    try {
      // The same admission as yoga's (src/plugins/access.ts), which will not count this request again if it falls back.
      initial.caller = await admitHttpRequest(access, req);
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      const { http, ...extensions } = err.extensions as { http: { status: number; headers: Record<string, string> } };
      metrics.fastPathRequests.inc();
      countErrors(metrics, { errors: [err] });
      send(res, http.status, { errors: [{ message: err.message, extensions }] }, http.headers);
      return true;
    }
    let contextValue: unknown;
    try {
      contextValue = await contextFactory();
    } catch {
      return false; // yoga reports a context that cannot be built; nothing has run yet
    }
    const result = (await execute({
      schema,
      document,
      variableValues: params.variables,
      operationName: params.operationName,
      contextValue,
    })) as ExecutionResult;
    // No `data`: the request failed before execution (e.g. variables of the wrong type); yoga answers those.
    if (!('data' in result)) return false;
    metrics.fastPathRequests.inc();
    countErrors(metrics, result);
    send(res, 200, result);
    return true;
  };
}
