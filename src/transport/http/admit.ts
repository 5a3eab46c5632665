/**
 * The HTTP adapter of the access rules (src/access), for yoga (HTTP and SSE, through src/plugins/use-access.ts) and
 * the HTTP fast path alike: a foreign browser origin is refused with 403 before anything else; each GraphQL request
 * is identified and counted against the rate limit once (each operation of a batch once; a request with a refused
 * token too, against its IP's), and a refusal carries its HTTP status and headers. A request the fast path admitted
 * and then left to yoga carries its caller in yoga's server context (`AdmittedRequest`), so it is not counted again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Access, Caller } from '../../access/index.js';
import { GatewayError } from '../../domain/errors.js';
import { sendError } from './reply.js';

/**
 * The server context the gateway gives yoga for an HTTP request: `caller` is set once the request is admitted (by the
 * fast path, before it may hand the request to yoga), and yoga's plugin does not count it again.
 */
export interface AdmittedRequest {
  req: IncomingMessage;
  res: ServerResponse;
  caller?: Caller;
}

const statusOf: Partial<Record<GatewayError['code'], number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, FORBIDDEN: 403 };

/** The error with the HTTP status and headers yoga (and the fast path) answer it with. */
export function asHttpError(error: GatewayError): GraphQLError {
  const headers: Record<string, string> = {};
  if (error.code === 'UNAUTHENTICATED') headers['www-authenticate'] = 'Bearer';
  if (error.details.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.details.retryAfterSeconds);
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { status: statusOf[error.code] ?? 400, headers } },
  });
}

/**
 * Identifies the caller and counts one operation against the rate limit, every time it is called: for each
 * operation of a batch (MAX_BATCH_OPERATIONS), which counts as many as it carries. Throws the HTTP refusal.
 */
export async function admitHttpOperation(access: Access, req: IncomingMessage): Promise<Caller> {
  let caller: Caller;
  const facts = {
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    authorization: req.headers.authorization,
  };
  try {
    caller = await access.identify(facts);
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    // A refused token still counts against the IP's limit; past it, the answer is 429.
    throw asHttpError((await access.countRefused(facts)) ?? err);
  }
  const refusal = await access.admit(caller);
  if (refusal) throw asHttpError(refusal);
  return caller;
}

/** Answers 403 to a browser whose origin may not use the API, and says whether it did. */
export function refuseForeignOrigin(access: Access, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (access.originAllowed(origin)) return false;
  sendError(res, 403, 'FORBIDDEN', foreignOriginMessage(origin), { vary: 'Origin' });
  return true;
}

export const foreignOriginMessage = (origin: string | undefined) =>
  `Origin ${origin} may not use this API: the gateway serves browsers only from its own origin (PUBLIC_URL, else localhost) and the origins listed in CORS_ORIGINS.`;
