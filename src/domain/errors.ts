/**
 * Errors a client may see: one closed list of codes, each with what it means and what a UI should do about it, and
 * the error class that carries a code and safe facts to the client on every transport.
 */
import { GraphQLError } from 'graphql';

/** What an error code means, and what a client's UI should do when it sees it. */
export interface ErrorCodeInfo {
  meaning: string;
  /** What a UI does about it: retry (and when), show it next to a field, sign in again, or drop the item. */
  action: string;
}

/**
 * The closed set of error codes a client can see in `errors[].extensions.code`: THE list. The schema's `ErrorCode`
 * enum (src/schema/error-code.ts) and `errorCodes` query are derived from it, so codegen and gql.tada can type
 * `extensions.code`; test/upstream-errors.test.ts checks that docs/errors.md lists every code. The first group comes
 * from the gateway's own rules and the upstream; the second from the GraphQL and persisted-query protocols, before
 * anything runs.
 */
export const errorCodes = {
  BAD_USER_INPUT: {
    meaning: 'An argument is invalid (format, length, range or a missing field). Nothing was sent upstream.',
    action: 'Show the message next to the input named by `extensions.field`; do not retry unchanged.',
  },
  UNAUTHENTICATED: {
    meaning: 'No API key was given, the upstream rejected it, or (with sign-in) the token is missing or invalid.',
    action: 'Sign the user in again (or refresh the token) and retry; over graphql-ws, reconnect with the new token.',
  },
  FORBIDDEN: {
    meaning: 'The caller may not do this (for example: no active upstream subscription, or a browser origin not allowed).',
    action: 'Tell the user this is not allowed for them; retrying does not help.',
  },
  NOT_FOUND: {
    meaning: "The task, clip, persona or vox id does not exist for this caller, or is another user's.",
    action: "Drop the item from the view: it is not this caller's (or does not exist); a clip from a shared link is the sharer's.",
  },
  INSUFFICIENT_CREDITS: {
    meaning: 'The account has too few credits for this operation.',
    action: 'Tell the user the account needs credits; retry only after they were added.',
  },
  BUDGET_EXCEEDED: {
    meaning:
      "The signed-in user's credit budget for this window cannot cover this operation; `extensions.remaining` says what is left. Nothing was sent upstream.",
    action: 'Show `remaining` and `viewer.budget.resetsAt`; retrying before then fails again.',
  },
  CONTENT_REJECTED: {
    meaning: 'The upstream refused the lyrics or description (moderation, copyrighted lyrics, artist names).',
    action: 'Ask the user to change the lyrics or description; do not retry unchanged.',
  },
  RATE_LIMITED: {
    meaning: 'Too many requests; retry after `extensions.retryAfterSeconds` when present.',
    action: 'Wait `extensions.retryAfterSeconds`, then retry (for a subscription, close an open one first).',
  },
  UPSTREAM_TIMEOUT: {
    meaning: 'The upstream did not answer in time. For a paid operation the task may still have been created.',
    action: 'Retry a read; for a paid mutation with `taskMayExist`, check `viewer.tasks` before paying again.',
  },
  UPSTREAM_UNAVAILABLE: {
    meaning: 'The upstream could not be reached or is failing (connection refused or reset, 502/503, circuit open).',
    action: 'Retry later (after `retryAfterSeconds` when given); show that the service is degraded.',
  },
  UPSTREAM_ERROR: {
    meaning: 'The upstream answered with an error or a response the gateway cannot read.',
    action: 'Show a generic failure with the request id; retrying may not help.',
  },
  STORE_UNAVAILABLE: {
    meaning:
      'The gateway cannot record paid work right now (its store is unreachable, or its disk is full or read-only), or cannot read the task records a read needs (its store is unreachable). Nothing was sent upstream and nothing was charged.',
    action:
      'Retry after `retryAfterSeconds`, with the same idempotencyKey if one was sent; say "try again in a moment", not that the work failed.',
  },
  UPSTREAM_GONE: {
    meaning:
      'The upstream has retired what was asked for (HTTP 410 Gone: a deprecated family such as Riffusion or Nuro, or a retired task type). Nothing was charged.',
    action: 'Hide or disable the feature; retrying never helps.',
  },
  INTERNAL_SERVER_ERROR: {
    meaning: 'An unexpected gateway fault; details are in the server log under the request id.',
    action: 'Show a generic failure with the `x-request-id` of the response, for a report.',
  },
  BAD_REQUEST: {
    meaning:
      'The request cannot be taken at all (invalid JSON, wrong content type, body too large, a cross-site GET without a CSRF header, a mutation over GET, too many operations in a batch).',
    action: 'A client bug: fix the request; retrying unchanged fails again.',
  },
  GRAPHQL_PARSE_FAILED: {
    meaning: 'The document is not valid GraphQL, or has more tokens than MAX_QUERY_TOKENS.',
    action: 'A client bug: fix the document.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning: 'The document does not fit the schema, or is over a limit (depth, aliases, directives, cost).',
    action: 'A client bug: regenerate the client against schema.graphql.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    meaning: 'Automatic persisted queries: the gateway does not know this hash yet.',
    action: 'Send the hash again with the document (Apollo and urql links do this by themselves).',
  },
  PERSISTED_QUERY_MISMATCH: {
    meaning: 'Automatic persisted queries: the hash is not the sha256 of the document sent with it.',
    action: 'A client bug: hash the exact document text.',
  },
  PERSISTED_QUERY_ONLY: {
    meaning: 'PERSISTED_OPERATIONS_ONLY is on: a document sent as text is refused.',
    action: 'Send the hash (or documentId) of an operation in the trusted manifest instead.',
  },
  PERSISTED_QUERY_NOT_IN_LIST: {
    meaning: "PERSISTED_OPERATIONS_ONLY is on: no operation of the gateway's manifest has this hash or documentId.",
    action: "Deploy the app's manifest to the gateway (PERSISTED_OPERATIONS_FILE) before the app that uses it.",
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof errorCodes;

/** Extra machine-readable facts attached to an error's `extensions`. */
export interface ErrorDetails {
  /** The input field at fault, as a dotted path (`input.title`). */
  field?: string;
  /** Seconds to wait before retrying, for RATE_LIMITED (and UPSTREAM_UNAVAILABLE while the circuit is open). */
  retryAfterSeconds?: number;
  /** The upstream HTTP status, when the error came from an upstream answer. */
  upstreamStatus?: number;
  /**
   * For a paid mutation that failed after its request may have reached the upstream (timeout, reset, cut-off or
   * unreadable answer, 5xx): the task may exist (or the work may have been done) and be charged. The gateway never
   * resends it.
   */
  taskMayExist?: boolean;
  /** For BUDGET_EXCEEDED: the credits left in the user's budget for this window. */
  remaining?: number;
}

/**
 * An error whose code and message are safe to show to clients. It is a GraphQLError so that it reaches the
 * response as it is, with `extensions.code`; anything else a resolver throws is masked as INTERNAL_SERVER_ERROR.
 */
export class GatewayError extends GraphQLError {
  override readonly name = 'GatewayError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    const extensions: Record<string, unknown> = { code };
    for (const [key, value] of Object.entries(details)) if (value !== undefined) extensions[key] = value;
    super(message, { extensions });
  }
}

export function badInput(message: string, field?: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, field ? { field } : {});
}

/** Paid work refused before anything was sent, because a store it needs (intent, outcome, pacing) failed now. */
export function storeUnavailable(reason = 'its store did not take a write'): GatewayError {
  return new GatewayError(
    'STORE_UNAVAILABLE',
    `The gateway cannot record paid work right now (${reason}). Nothing was sent upstream and nothing was charged: retry ` +
      'in a few seconds, with the same idempotencyKey if you sent one.',
    { retryAfterSeconds: 2 },
  );
}
