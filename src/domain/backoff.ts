/**
 * Retry and backoff, in one place: how long to wait before trying again after a failure. Both waits grow
 * exponentially from a base up to a cap (`exponentialCeiling`) and are jittered so that many clients do not retry in
 * step; neither is ever shorter than what the upstream asked for with Retry-After.
 * - An upstream read (src/upstream/client.ts) is retried within a request: full jitter (anywhere from 0 to the
 *   ceiling), within a total deadline, a few attempts at most.
 * - A task's poll (src/live/poller.ts) backs off between polls: equal jitter (half the ceiling to all of it) starting
 *   from the poll interval, until `maxFailures` failures in a row end the watch, or at once for an error that
 *   retrying cannot fix (the key or the task is refused).
 * Why not cockatiel: its backoffs know neither Retry-After nor a total deadline, and the poll loop is not a call to
 * wrap but a loop that also holds a lease between attempts.
 */
import type { ErrorCode, GatewayError } from './errors.js';

/** `base × 2^exponent`, capped at `max`. */
export function exponentialCeiling(base: number, exponent: number, max: number): number {
  return Math.min(max, base * 2 ** exponent);
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Total time for all attempts and waits, from the first attempt. */
  deadlineMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1); injectable so tests are exact. */
  random?: () => number;
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or null when there is no room for another
 * attempt: attempts are used up, Retry-After asks for more than `maxDelayMs`, or the wait would leave less than
 * `minAttemptMs` before the deadline.
 */
export function nextDelayMs(
  policy: RetryPolicy,
  attempt: number,
  remainingMs: number,
  retryAfterMs: number | undefined,
  minAttemptMs = 50,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  // A longer Retry-After is the caller's to honour (it gets retryAfterSeconds), not a reason to hold the request.
  if ((retryAfterMs ?? 0) > policy.maxDelayMs) return null;
  const ceiling = exponentialCeiling(policy.baseDelayMs, attempt - 1, policy.maxDelayMs);
  const jittered = Math.floor((policy.random ?? Math.random)() * ceiling);
  const delay = Math.max(jittered, retryAfterMs ?? 0);
  return delay + minAttemptMs <= remainingMs ? delay : null;
}

export interface PollPolicy {
  /** The normal time between two reads of a task (POLL_INTERVAL_MS). */
  intervalMs: number;
  /** The longest wait after failures (a Retry-After may ask for longer, and gets it). */
  maxDelayMs: number;
  /** Consecutive failed reads after which the watch ends with the last error. */
  maxFailures: number;
}

export function pollPolicy(intervalMs: number): PollPolicy {
  return { intervalMs, maxDelayMs: intervalMs * 16, maxFailures: 8 };
}

const permanent = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INSUFFICIENT_CREDITS',
  'CONTENT_REJECTED',
  // A retired family or endpoint (410) does not come back: the watch ends at once.
  'UPSTREAM_GONE',
]);

/** Whether polling again may get past this error. */
export function isRetryable(error: GatewayError): boolean {
  return !permanent.has(error.code);
}

/** The wait before the next poll after `failures` (≥ 1) failed reads in a row, the last being `error`. */
export function delayAfterFailure(policy: PollPolicy, failures: number, error: GatewayError, random = Math.random): number {
  const exponential = exponentialCeiling(policy.intervalMs, failures, policy.maxDelayMs);
  const jittered = Math.round(exponential * (0.5 + random() / 2));
  const retryAfterMs = error.code === 'RATE_LIMITED' ? (error.details.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.max(jittered, retryAfterMs);
}
