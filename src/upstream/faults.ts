/**
 * Turns every way an upstream call can fail into a GatewayError with a code from the closed set.
 * The upstream's statuses and messages are recorded in docs/upstream.md §11: notably "task not found." comes as
 * 400 and "not enough credits" as 403, so the message text refines what the status alone says.
 */
import { GatewayError, type ErrorCode } from '../domain/errors.js';
import { redact } from '../domain/redact.js';

/** Message patterns that say more than the status does, checked in order. */
const messageRules: [RegExp, ErrorCode][] = [
  [/task not found|record not found|does not exist/i, 'NOT_FOUND'],
  [/credits? (are|is) not enough|insufficient credits?/i, 'INSUFFICIENT_CREDITS'],
  [/lyrics (format is invalid|contain)|song description|moderation/i, 'CONTENT_REJECTED'],
  [/rate limit|qps limit|too many requests/i, 'RATE_LIMITED'],
];

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 402) return 'INSUFFICIENT_CREDITS';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  // Retired upstream (docs/upstream.md §15.3): the upstream is up and says no for good, so it is neither retried nor
  // counted by the circuit breaker (isUpstreamFault).
  if (status === 410) return 'UPSTREAM_GONE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 504) return 'UPSTREAM_TIMEOUT';
  if (status === 502 || status === 503) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_ERROR';
}

const defaultMessages: Partial<Record<ErrorCode, string>> = {
  BAD_USER_INPUT: 'The upstream rejected the parameters.',
  UNAUTHENTICATED: 'The upstream rejected the API key.',
  INSUFFICIENT_CREDITS: 'The account has insufficient credits for this operation.',
  CONTENT_REJECTED: 'The upstream refused the content.',
  FORBIDDEN: 'The upstream refused this request for this API key.',
  NOT_FOUND: 'The upstream has no such record for this API key.',
  UPSTREAM_GONE: 'The upstream has retired this endpoint or task type (410 Gone).',
  RATE_LIMITED: 'The upstream rate limit was reached.',
  UPSTREAM_TIMEOUT: 'The upstream timed out.',
  UPSTREAM_UNAVAILABLE: 'The upstream is unavailable.',
};

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if any. */
export function retryAfterSeconds(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The upstream's own error text: its error bodies carry it under one of several names. */
export function upstreamMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  return [fields.message, fields.error, fields.detail, fields.msg].find(
    (v): v is string => typeof v === 'string' && v !== '' && v !== 'success',
  );
}

/** Whether an answer is an error: a non-2xx status, or (as some upstream errors come) a 2xx with an error `code`. */
export function isErrorAnswer(status: number, body: unknown): boolean {
  const bodyCode = (body as { code?: unknown } | null)?.code;
  return status < 200 || status >= 300 || (typeof bodyCode === 'number' && bodyCode >= 400);
}

/**
 * An error for an upstream answer that is not a success: either a non-2xx status, or a 2xx JSON body whose own
 * `code` says otherwise. `secrets` are scrubbed from any upstream text that is passed on.
 */
export function errorFromAnswer(
  status: number,
  body: unknown,
  retryAfter: string | string[] | undefined,
  secrets: readonly (string | undefined)[],
): GatewayError {
  const bodyCode = (body as { code?: unknown } | null)?.code;
  const effective = status >= 400 ? status : typeof bodyCode === 'number' && bodyCode >= 400 ? bodyCode : status;
  const text = upstreamMessage(body);
  // A 410's body is documented nowhere (docs/upstream.md §15.3): it is read by its status only.
  const byMessage = effective < 500 && effective !== 410 && text ? messageRules.find(([pattern]) => pattern.test(text))?.[1] : undefined;
  const code = byMessage ?? codeForStatus(effective);
  const base = defaultMessages[code] ?? `The upstream answered with status ${effective}.`;
  // Scrubbed before the cut: a key cut in two would no longer be recognised.
  const message = text ? `${base} Upstream said: ${redact(text, secrets).slice(0, 300)}` : base;
  return new GatewayError(code, message, {
    upstreamStatus: effective,
    ...(code === 'RATE_LIMITED' ? { retryAfterSeconds: retryAfterSeconds(retryAfter) } : {}),
  });
}

// A connect timeout is not among them: nothing was sent, so it is UPSTREAM_UNAVAILABLE like a refused connection.
const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Failures while opening the connection: not one byte of the request was written. */
const connectCodes = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether a transport failure provably happened before the request was sent (so a POST can be sent again). */
export function isUnsent(err: unknown): boolean {
  return connectCodes.has((err as { code?: string } | null)?.code ?? '');
}

/**
 * An error for a call that got no complete answer: timeout, refused or reset connection, or (when `status` is
 * known, so the headers had arrived) an answer cut off mid-body.
 */
export function errorFromTransport(err: unknown, secrets: readonly (string | undefined)[], status: number | null = null): GatewayError {
  if (err instanceof GatewayError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  const name = (err as { name?: string } | null)?.name ?? '';
  if (timeoutCodes.has(code) || name === 'TimeoutError') {
    return new GatewayError('UPSTREAM_TIMEOUT', 'The upstream did not answer in time.', status === null ? {} : { upstreamStatus: status });
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new GatewayError(
      'UPSTREAM_ERROR',
      'The upstream sent a malformed response: the body is too large.',
      status === null ? {} : { upstreamStatus: status },
    );
  }
  if (status !== null) {
    return new GatewayError('UPSTREAM_ERROR', 'The upstream sent a malformed response: the answer was cut off.', {
      upstreamStatus: status,
    });
  }
  const detail = redact(code || (err instanceof Error ? err.message : 'unknown failure'), secrets);
  return new GatewayError('UPSTREAM_UNAVAILABLE', `The upstream could not be reached (${detail}).`);
}

/**
 * Whether an error says the upstream itself is failing (what opens the circuit breaker), as opposed to refusing us.
 * UPSTREAM_GONE is a refusal: a 410 proves the upstream is up.
 */
export function isUpstreamFault(error: GatewayError): boolean {
  return error.code === 'UPSTREAM_TIMEOUT' || error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_ERROR';
}

/** Whether a read that failed this way may succeed if asked again. */
export function isRetryableRead(error: GatewayError): boolean {
  return isUpstreamFault(error) || error.code === 'RATE_LIMITED';
}

/** The same error, marked as one after which a submitted task may exist (see ErrorDetails.taskMayExist). */
export function withTaskMayExist(error: GatewayError): GatewayError {
  if (error.details.taskMayExist) return error;
  const message = `${error.message} The upstream may have started (and charged for) this work; it was not sent again.`;
  return new GatewayError(error.code, message, { ...error.details, taskMayExist: true });
}
