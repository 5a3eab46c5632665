/**
 * When and how long to wait before trying an upstream read again: exponential backoff with full jitter, within a
 * total deadline, honouring the upstream's Retry-After when it fits.
 */
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
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor((policy.random ?? Math.random)() * ceiling);
  const delay = Math.max(jittered, retryAfterMs ?? 0);
  return delay + minAttemptMs <= remainingMs ? delay : null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
