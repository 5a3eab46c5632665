/**
 * What an UpstreamClient (client.ts) is built with, and what it reports: each attempt (for metrics, logs and spans),
 * breaker changes, and answers it could not read (for the unreadable-answers counter and log).
 */
import type { ErrorCode } from '../domain/errors.js';
import type { RetryPolicy } from '../domain/backoff.js';
import type { BreakerState } from './breaker.js';
import type { UnreadableAnswer } from './unreadable.js';

export interface UpstreamClientOptions {
  /** Origin plus optional base path, e.g. `https://api.aimusicapi.ai`. */
  baseUrl: string;
  connections?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Retries of reads (and of writes that provably were not sent). */
  retry?: Partial<RetryPolicy>;
  breaker?: { failureThreshold?: number; cooldownMs?: number; now?: () => number };
  /** Called after every upstream attempt, for metrics and logs. Never given the API key. */
  onCall?: (call: UpstreamCall) => void;
  onBreakerChange?: (state: BreakerState) => void;
  /** Submit pacing (pacing.ts): paid POSTs wait for their turn here, before anything is sent. */
  pacer?: { wait(apiKey: string): Promise<void>; close(): void };
  /** A span per attempt, whose `traceparent` goes to the upstream. */
  tracing?: { upstreamCall(method: string, path: string, attempt: number): UpstreamSpan };
  /**
   * Called when an answer arrived but could not be read (a field missing or changed): the operation (its public name,
   * or `task:<family>` for a task read), the error naming the field, the answer, and the key used (to scrub it).
   */
  onUnreadable?: (report: UnreadableReport) => void;
}

export interface UnreadableReport {
  operation: string;
  error: UnreadableAnswer;
  body: unknown;
  secrets: readonly string[];
}

/** One upstream attempt's span (src/observability/tracing.ts makes them): the headers that carry it, and its end. */
export interface UpstreamSpan {
  headers: Record<string, string>;
  end(status: number | null, errorCode: string | null): void;
}

export interface UpstreamCall {
  method: 'GET' | 'POST';
  path: string;
  status: number | null;
  durationMs: number;
  error: ErrorCode | null;
  attempt: number;
}
