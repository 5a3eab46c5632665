/**
 * The typed HTTP client for the upstream: one keep-alive undici Pool and one circuit breaker per origin, explicit
 * timeouts, every failure a GatewayError.
 * - Reads (GET) are retried on upstream faults and 429 with jittered exponential backoff, within a total deadline.
 * - Writes (POST) are never sent twice once they may have reached the upstream: a POST may have started paid work.
 *   Only a failure to open the connection (nothing was written) is tried again. A POST that fails after it may
 *   have been received carries `taskMayExist`.
 * - While the breaker is open every call fails at once with UPSTREAM_UNAVAILABLE.
 */
import { Pool } from 'undici';
import { GatewayError } from '../domain/errors.js';
import { CircuitBreaker } from './breaker.js';
import type { UpstreamCall, UpstreamClientOptions } from './client-options.js';
import {
  errorFromAnswer,
  errorFromTransport,
  isErrorAnswer,
  isRetryableRead,
  isUnsent,
  isUpstreamFault,
  withTaskMayExist,
} from './faults.js';
import type { TaskFamily } from '../domain/kinds.js';
import type { UpstreamOperation } from './operations.js';
import { shuttingDown } from './pacing.js';
import { nextDelayMs, type RetryPolicy } from '../domain/backoff.js';
import type { TaskSnapshot } from '../domain/task.js';
import { toProducerTaskSnapshot, toTaskSnapshot } from './wire.js';
import { UnreadableAnswer } from './unreadable.js';
import { CutExchange, dispatchGet, requestPost } from './answer.js';
import { ReadsInFlight } from './reads-in-flight.js';

export type { UnreadableReport, UpstreamCall, UpstreamClientOptions, UpstreamSpan } from './client-options.js';

type Method = UpstreamCall['method'];

/** One attempt's failure, with what is known about whether the request left this process. */
interface Failure {
  error: GatewayError;
  /** Nothing was written: the connection was never opened, or the breaker refused the call. */
  unsent: boolean;
  /** The open breaker refused the call: fail fast, do not wait to try again. */
  refused?: boolean;
}

type Outcome = { value: unknown } | { failure: Failure };

/** Largest upstream answer read; anything longer is a malformed answer, not a memory problem. */
const maxBodyBytes = 4 * 1024 * 1024;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A GET is tried again on the failures a read may be retried after. */
const retryableRead = (failure: Failure) => isRetryableRead(failure.error);

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, deadlineMs: 20_000, baseDelayMs: 200, maxDelayMs: 2_000 };

export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly retry: RetryPolicy;
  private readonly readsInFlight = new ReadsInFlight<Promise<TaskSnapshot>>();
  private readonly headersTimeoutMs: number;
  private readonly bodyTimeoutMs: number;
  /** Aborted when the gateway stops waiting for answers to its POSTs (shutdown past its timeout). */
  private readonly stopping = new AbortController();
  readonly breaker: CircuitBreaker;

  constructor(private readonly options: UpstreamClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.headersTimeoutMs = options.headersTimeoutMs ?? 30_000;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 30_000;
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      headersTimeout: this.headersTimeoutMs,
      bodyTimeout: this.bodyTimeoutMs,
      // Anything longer is a malformed answer, not a memory problem: undici stops reading and fails the call.
      maxResponseSize: maxBodyBytes,
    });
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.breaker = new CircuitBreaker({
      failureThreshold: options.breaker?.failureThreshold ?? 5,
      cooldownMs: options.breaker?.cooldownMs ?? 10_000,
      now: options.breaker?.now,
      onStateChange: options.onBreakerChange,
    });
  }

  /** GET /api/v1/{family}/task/{id}: the task's clips and the status they add up to. */
  getTask(apiKey: string, taskId: string, family: TaskFamily = 'sonic'): Promise<TaskSnapshot> {
    // Reads of one task with one key that overlap in time share a single upstream call (its answer is as fresh as
    // any of them could get): many clients polling one task cost the upstream one read at a time.
    const path = `/api/v1/${family}/task/${encodeURIComponent(taskId)}`;
    const key = `${path} ${apiKey}`;
    let read = this.readsInFlight.get(key);
    if (!read) {
      // One async step (no `get`, `then` and `finally` around it): this is every task read's path.
      let shared: Promise<TaskSnapshot> | undefined;
      shared = (async (): Promise<TaskSnapshot> => {
        try {
          const outcome = await this.call('GET', path, apiKey, undefined, retryableRead);
          if ('failure' in outcome) throw outcome.failure.error;
          const answer = outcome.value;
          return this.read(`task:${family}`, answer, apiKey, () =>
            family === 'producer' ? toProducerTaskSnapshot(taskId, answer) : toTaskSnapshot(taskId, answer),
          );
        } finally {
          // Always after the first await: `shared` is set by then.
          if (shared) this.readsInFlight.finish(key, shared);
        }
      })();
      this.readsInFlight.set(key, shared);
      read = shared;
    }
    return read;
  }

  /**
   * Calls one operation of the table, once, and maps its answer: a submitted task's id, or the operation's result.
   * `extra` carries gateway-added fields such as webhook settings.
   */
  async submit<Input, Result>(
    apiKey: string,
    operation: UpstreamOperation<Input, Result>,
    input: Input,
    extra: Record<string, unknown> = {},
  ): Promise<Result> {
    if (operation.method === 'GET') {
      const answer = await this.get(apiKey, operation.path);
      return this.read(operation.name, answer, apiKey, () => operation.toResult(answer, input));
    }
    // Every POST of the table is paid work: it waits for its turn.
    await this.options.pacer?.wait(apiKey);
    const answer = await this.post(apiKey, operation.path, { ...operation.toBody(input), ...extra });
    try {
      return this.read(operation.name, answer, apiKey, () => operation.toResult(answer, input));
    } catch (err) {
      // A success status with an answer we cannot read: the upstream probably did the (paid) work.
      throw err instanceof GatewayError ? withTaskMayExist(err) : err;
    }
  }

  /** Maps an answer; one the gateway cannot read is reported (`onUnreadable`) before its error goes on. */
  private read<T>(operation: string, body: unknown, apiKey: string, map: () => T): T {
    try {
      return map();
    } catch (err) {
      if (err instanceof UnreadableAnswer) this.options.onUnreadable?.({ operation, error: err, body, secrets: [apiKey] });
      throw err;
    }
  }

  /** A GET, retried on upstream faults within the read deadline: the parsed JSON answer, or a GatewayError. */
  async get(apiKey: string, path: string): Promise<unknown> {
    const outcome = await this.call('GET', path, apiKey, undefined, retryableRead);
    if ('failure' in outcome) throw outcome.failure.error;
    return outcome.value;
  }

  /** A POST, sent at most once as far as the upstream can tell: the parsed JSON answer, or a GatewayError. */
  async post(apiKey: string, path: string, body: Record<string, unknown>): Promise<unknown> {
    const outcome = await this.call('POST', path, apiKey, JSON.stringify(body), (failure) => failure.unsent);
    if (!('failure' in outcome)) return outcome.value;
    const { error, unsent } = outcome.failure;
    // The upstream refused with a 4xx answer (its own error code included): it did not start the task.
    const status = error.details.upstreamStatus ?? 0;
    throw unsent || (status >= 400 && status < 500) ? error : withTaskMayExist(error);
  }

  /**
   * Shutdown past its timeout: POSTs still waiting for their turn are not sent, and POSTs still waiting for an
   * answer fail now with `taskMayExist` (the client gets that answer instead of a cut connection).
   */
  stopWaiting(): void {
    this.options.pacer?.close();
    this.stopping.abort();
  }

  /** Closes the pool; calls still running after `graceMs` (their client request was already cut) are aborted. */
  async close(graceMs = 1_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const closing = this.pool.close();
    if ((await Promise.race([closing, late])) === 'late') await this.pool.destroy();
    clearTimeout(timer);
    await closing.catch(() => {});
  }

  /** Attempts until success, a failure `retryable` refuses, or no room is left before the deadline. */
  private async call(
    method: Method,
    path: string,
    apiKey: string,
    body: string | undefined,
    retryable: (failure: Failure) => boolean,
  ): Promise<Outcome> {
    const deadline = performance.now() + this.retry.deadlineMs;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(method, path, apiKey, body, attempt, deadline);
      if (!('failure' in outcome)) return outcome;
      const { failure } = outcome;
      const retryAfterMs = (failure.error.details.retryAfterSeconds ?? 0) * 1000;
      const delay =
        !failure.refused && retryable(failure) ? nextDelayMs(this.retry, attempt, deadline - performance.now(), retryAfterMs) : null;
      if (delay === null) return outcome;
      await sleep(delay);
    }
  }

  private async attempt(
    method: Method,
    path: string,
    apiKey: string,
    body: string | undefined,
    attempt: number,
    deadline: number,
  ): Promise<Outcome> {
    if (method === 'POST' && this.stopping.signal.aborted) return { failure: { error: shuttingDown(), unsent: true, refused: true } };
    if (!this.breaker.tryAcquire()) {
      const retryAfterSeconds = Math.ceil(this.breaker.retryAfterMs() / 1000);
      const error = new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        'The upstream is failing; calls are paused for a moment (circuit open). Nothing was sent.',
        retryAfterSeconds > 0 ? { retryAfterSeconds } : {},
      );
      return { failure: { error, unsent: true, refused: true } };
    }
    const started = performance.now();
    let status: number | null = null;
    const span = this.options.tracing?.upstreamCall(method, path, attempt);
    const headers: Record<string, string> =
      body === undefined
        ? { authorization: `Bearer ${apiKey}`, accept: 'application/json' }
        : { authorization: `Bearer ${apiKey}`, accept: 'application/json', 'content-type': 'application/json' };
    if (span) Object.assign(headers, span.headers);
    try {
      // Reads stop at the overall deadline: the pool's own timers, cut to the time left, bound the wait for the headers
      // and each pause in the body (no signal and timer of our own per read). Writes keep the pool's timeouts (aborting
      // a sent POST gains nothing), until a shutdown stops waiting for them.
      const answer =
        method === 'GET'
          ? await dispatchGet(this.pool, { path: this.basePath + path, headers, ...this.readTimeouts(deadline) })
          : await requestPost(this.pool, { path: this.basePath + path, headers, body: body ?? '', signal: this.stopping.signal });
      status = answer.status;
      const parsed = parseJson(answer.text);
      if (isErrorAnswer(status, parsed)) throw errorFromAnswer(status, parsed, answer.retryAfter, [apiKey]);
      if (parsed === undefined) {
        throw new GatewayError('UPSTREAM_ERROR', 'The upstream sent a malformed response: the body is not JSON.', {
          upstreamStatus: status,
        });
      }
      this.finish(method, path, status, started, attempt, null);
      span?.end(status, null);
      return { value: parsed };
    } catch (thrown) {
      // A cut exchange: undici's error, and the status when the answer had begun.
      const err = thrown instanceof CutExchange ? thrown.cause : thrown;
      if (thrown instanceof CutExchange) status = thrown.status;
      const error = this.stopping.signal.aborted
        ? new GatewayError('UPSTREAM_TIMEOUT', 'The gateway shut down before the upstream answered.')
        : errorFromTransport(err, [apiKey], status);
      this.finish(method, path, status, started, attempt, error);
      span?.end(status, error.code);
      return { failure: { error, unsent: isUnsent(err) } };
    }
  }

  private readTimeouts(deadline: number): { headersTimeout: number; bodyTimeout: number } {
    const left = Math.max(1, Math.round(deadline - performance.now()));
    return { headersTimeout: Math.min(this.headersTimeoutMs, left), bodyTimeout: Math.min(this.bodyTimeoutMs, left) };
  }

  private finish(method: Method, path: string, status: number | null, started: number, attempt: number, error: GatewayError | null) {
    this.breaker.record(error === null ? 'success' : isUpstreamFault(error) ? 'fault' : 'neutral');
    this.options.onCall?.({ method, path, status, durationMs: performance.now() - started, error: error?.code ?? null, attempt });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
