/**
 * When a watched task is read next. Every interval while reads succeed; after a failure, exponentially later with
 * jitter (and never sooner than an upstream's Retry-After), up to a cap. After `maxFailures` failures in a row, or
 * at once for an error that retrying cannot fix (the key or the task is refused), the watch ends with that error.
 */
import type { ErrorCode, GatewayError } from '../errors.js';

export interface PollPolicy {
  /** The normal time between two reads of a task (POLL_INTERVAL_MS). */
  intervalMs: number;
  /** The longest wait after failures (a Retry-After may ask for longer, and gets it). */
  maxDelayMs: number;
  /** Consecutive failed reads after which the watch ends with the last error. */
  maxFailures: number;
  /** How long a poll lease lasts beyond the next planned read: time for one slow read. */
  leaseSlackMs: number;
}

export function pollPolicy(intervalMs: number, upstreamTimeoutMs: number): PollPolicy {
  return { intervalMs, maxDelayMs: intervalMs * 16, maxFailures: 8, leaseSlackMs: intervalMs + upstreamTimeoutMs };
}

const permanent = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INSUFFICIENT_CREDITS',
  'CONTENT_REJECTED',
]);

export function isRetryable(error: GatewayError): boolean {
  return !permanent.has(error.code);
}

/** The wait before the next read after `failures` (≥ 1) failed reads in a row, the last being `error`. */
export function delayAfterFailure(policy: PollPolicy, failures: number, error: GatewayError, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.intervalMs * 2 ** failures);
  const jittered = Math.round(exponential * (0.5 + random() / 2));
  const retryAfterMs = error.code === 'RATE_LIMITED' ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.max(jittered, retryAfterMs);
}
