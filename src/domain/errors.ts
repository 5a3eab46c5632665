import { GraphQLError } from 'graphql';

/**
 * The closed set of error codes a client can see in `errors[].extensions.code`.
 * Each code's text is its documentation; test/upstream-errors.test.ts checks that docs/errors.md lists every code.
 */
export const errorCodes = {
  BAD_USER_INPUT: 'An argument is invalid (format, length, range or a missing field). Nothing was sent upstream.',
  UNAUTHENTICATED: 'No API key was given, the upstream rejected it, or (with sign-in) the token is missing or invalid.',
  FORBIDDEN: 'The caller may not do this (for example: no active upstream subscription, or a browser origin not allowed).',
  NOT_FOUND: 'The task or clip does not exist for this API key.',
  INSUFFICIENT_CREDITS: 'The account has too few credits for this operation.',
  BUDGET_EXCEEDED:
    "The signed-in user's credit budget for this window cannot cover this operation; `extensions.remaining` says what is left. Nothing was sent upstream.",
  CONTENT_REJECTED: 'The upstream refused the lyrics or description (moderation, copyrighted lyrics, artist names).',
  RATE_LIMITED: 'Too many requests; retry after `extensions.retryAfterSeconds` when present.',
  UPSTREAM_TIMEOUT: 'The upstream did not answer in time. For a paid operation the task may still have been created.',
  UPSTREAM_UNAVAILABLE: 'The upstream could not be reached or is failing (connection refused or reset, 502/503, circuit open).',
  UPSTREAM_ERROR: 'The upstream answered with an error or a response the gateway cannot read.',
  STORE_UNAVAILABLE:
    'The gateway cannot record paid work right now (its store is unreachable, or its disk is full or read-only). Nothing was sent upstream and nothing was charged; retry in a few seconds, with the same idempotencyKey if one was sent.',
  UPSTREAM_GONE:
    'The upstream has retired what was asked for (HTTP 410 Gone: a deprecated family such as Riffusion or Nuro, or a retired task type). Retrying will not help; nothing was charged.',
  INTERNAL_SERVER_ERROR: 'An unexpected gateway fault; details are in the server log under the request id.',
} as const;

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
