/**
 * The poll loop of one task in one instance. While it runs, and while this instance holds the task's poll lease
 * (lease.ts: renewed on its own timer, so a read in progress or a backoff keeps it), it reads the task every interval with the key of one of its subscribers and publishes each change on the bus;
 * on failures it backs off (backoff.ts), and when it gives up it publishes the error that ends the watch.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Logger } from 'pino';
import { GatewayError } from '../domain/errors.js';
import type { Task } from '../domain/task.js';
import { isTerminal } from '../domain/status.js';
import { delayAfterFailure, isRetryable, type PollPolicy } from '../domain/backoff.js';
import type { TaskEventBus } from './bus.js';
import { errorEvent, observed, supersedes } from '../domain/events.js';
import type { Hold, PollLease } from './lease.js';

/**
 * Reads a task for a watch. `poll`: the read is the watch's own poll, made to learn news, so it is not answered from
 * an earlier observation (the freshness window, src/tasks/fresh-cache.ts), or a dead poller's replacement could be told
 * its last state again and wait a whole interval more.
 */
/** What a subscriber's own read of a task must pass first (its caller's upstream reads: src/access, readGuard). */
export interface ReadAdmission {
  /** Undefined when the read may go out at once. */
  admit(taskId: string, recorded: boolean): Promise<void> | undefined;
}
export type ReadTask = (apiKey: string, tenant: string, taskId: string, poll?: boolean, admission?: ReadAdmission) => Promise<Task>;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => sleepFor(ms, undefined, { signal }).catch(() => undefined);

export interface PollerDeps {
  read: ReadTask;
  bus: TaskEventBus;
  lease: PollLease;
  policy: PollPolicy;
  logger: Logger;
  sleep?: Sleep;
  random?: () => number;
}

/** What the poller needs from the task's feed. */
export interface PollSource {
  /** A subscriber's key to read with (never logged), or undefined when nobody listens any more. */
  reader(): { apiKey: string; tenant: string } | undefined;
  latest(): Task | undefined;
  /** The watch ended with this error (also published, for the other instances). */
  failed(error: GatewayError): void;
}

function asGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  return new GatewayError('INTERNAL_SERVER_ERROR', 'The gateway failed to read the task.');
}

export class TaskPoller {
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(
    readonly taskId: string,
    private readonly deps: PollerDeps,
    private readonly source: PollSource,
  ) {
    this.done = this.run();
  }

  /** Stops polling and gives up the lease; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    const { policy, lease, logger } = this.deps;
    const sleep = this.deps.sleep ?? realSleep;
    const log = logger.child({ taskId: this.taskId });
    let delay = policy.intervalMs;
    let failures = 0;
    try {
      while (!this.stopped) {
        await sleep(delay, this.abort.signal);
        const reader = this.source.reader();
        const latest = this.source.latest();
        if (this.stopped || !reader || (latest && isTerminal(latest.status))) break;
        let hold: Hold;
        try {
          hold = await lease.hold(this.taskId);
        } catch (err) {
          // The shared store (Redis) is down: no instance can take the lease, nor tell its subscribers a state. The
          // task is not at fault, so this does not count against it: the watch goes on when the store is back.
          delay = policy.intervalMs;
          log.warn({ err }, 'poll lease unavailable; trying again next interval');
          continue;
        }
        if (!hold.held) {
          // Another instance polls. Ask again when its lease would run out unrenewed (it renews every third of it while
          // it lives), so that a dead holder is replaced within moments, and at least once an interval.
          delay = Math.min(policy.intervalMs, hold.retryInMs + 10);
          continue;
        }
        if (this.stopped) break; // the watch ended while the lease was asked for: no read is wanted any more
        try {
          const task = await this.deps.read(reader.apiKey, reader.tenant, this.taskId, true);
          failures = 0;
          delay = policy.intervalMs;
          if (!this.stopped && supersedes(this.source.latest(), task)) {
            // Unpublished (the bus is down), the state is read and offered again at the next poll.
            await this.deps.bus
              .publish(this.taskId, { task: observed(task) })
              .catch((err: unknown) => log.warn({ err }, 'could not publish a task state; the next poll tries again'));
          }
        } catch (err) {
          const error = asGatewayError(err);
          failures += 1;
          if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ err }, 'task poll failed');
          if (!isRetryable(error) || failures >= policy.maxFailures) {
            await this.giveUp(error, failures);
            break;
          }
          delay = delayAfterFailure(policy, failures, error, this.deps.random);
          // The lease is kept through the longer wait (it is renewed on its own timer while held).
          log.warn({ code: error.code, failures, retryInMs: delay }, 'task poll failed; backing off');
        }
      }
    } finally {
      // Also after a hold that failed on the way back: the lease may have been taken, and its renewal must stop.
      await lease.release(this.taskId).catch((err: unknown) => log.warn({ err }, 'poll lease release failed'));
    }
  }

  private async giveUp(last: GatewayError, failures: number): Promise<void> {
    const message = `Stopped watching task ${this.taskId} after ${failures} failed reads: ${last.message}`;
    const error = isRetryable(last) ? new GatewayError(last.code, message, last.details) : last;
    this.deps.logger.warn({ taskId: this.taskId, code: error.code, failures }, 'task watch ended with an error');
    this.source.failed(error);
    await this.deps.bus.publish(this.taskId, errorEvent(error)).catch(() => undefined);
  }
}
