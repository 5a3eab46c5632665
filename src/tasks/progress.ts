/**
 * `Task.submittedAt` and `Task.estimatedCompletionAt`: when the gateway submitted a task (its registry record) and
 * when it will likely be done (src/domain/estimate.ts over the store's durations of the same kind). Resolved per
 * state of a task, so every event of a subscription carries a fresh estimate.
 */
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { DurationHistory } from '../store/types.js';
import type { SubmittedTaskKind } from '../domain/kinds.js';
import { defaultDurationsMs, estimatedCompletion, recentDurations, typicalDurationMs } from '../domain/estimate.js';
import type { Task } from '../domain/task.js';

/** What the estimate needs of the task registry (src/store). */
export interface SubmitRecords {
  lookup(id: string): Promise<{ kind: SubmittedTaskKind; createdAt: number } | undefined>;
}

export interface TaskProgress {
  submittedAt: string;
  estimatedCompletionAt: string | null;
}

export interface ProgressOptions {
  /** What each kind takes before there is history (default: `defaultDurationsMs`). */
  defaults?: Record<SubmittedTaskKind, number>;
  /** How long a kind's typical duration is reused before the store is read again; 0 reads it every time. */
  cacheMs?: number;
}

export class ProgressEstimates {
  /**
   * The typical duration per kind, read from the store at most every few seconds: many subscribers' events would
   * otherwise each read the same list, and an estimate a few seconds behind the newest finished task is as good.
   */
  private readonly typical: LRUCache<SubmittedTaskKind, number> | undefined;
  /** Keyed by the task state object: both fields of one state (and every subscriber sharing it) share one lookup. */
  private readonly perState = new WeakMap<Task, Promise<TaskProgress | null>>();
  private readonly defaults: Record<SubmittedTaskKind, number>;

  constructor(
    private readonly registry: SubmitRecords,
    private readonly durations: DurationHistory,
    private readonly logger: Logger,
    options: ProgressOptions = {},
  ) {
    this.defaults = options.defaults ?? defaultDurationsMs;
    const cacheMs = options.cacheMs ?? 2000;
    this.typical = cacheMs > 0 ? new LRUCache({ max: 64, ttl: cacheMs, fetchMethod: (kind) => this.typicalFromStore(kind) }) : undefined;
  }

  private async typicalFromStore(kind: SubmittedTaskKind): Promise<number> {
    return typicalDurationMs(kind, await this.durations.recent(kind, recentDurations), this.defaults);
  }

  of(task: Task): Promise<TaskProgress | null> {
    let progress = this.perState.get(task);
    if (!progress) {
      const computing = this.compute(task).catch((err: unknown) => {
        // An estimate is a nicety: a store that cannot answer leaves the fields null, not the task unreadable. Not
        // kept: a kept task (the finished-task cache holds the same object for an hour) is estimated again next time.
        this.logger.warn({ err, taskId: task.id }, 'could not estimate task progress');
        if (this.perState.get(task) === computing) this.perState.delete(task);
        return null;
      });
      progress = computing;
      this.perState.set(task, progress);
    }
    return progress;
  }

  private async compute(task: Task): Promise<TaskProgress | null> {
    const record = await this.registry.lookup(task.id);
    if (!record) return null;
    const submittedAt = new Date(record.createdAt).toISOString();
    if (task.status === 'SUCCEEDED' || task.status === 'FAILED') return { submittedAt, estimatedCompletionAt: null };
    let typical: number;
    try {
      typical = (await this.typical?.fetch(record.kind)) ?? (await this.typicalFromStore(record.kind));
    } catch (err) {
      // The durations cannot be read (the store is away): the submission time is known all the same.
      this.logger.warn({ err, taskId: task.id }, 'could not estimate task progress');
      return { submittedAt, estimatedCompletionAt: null };
    }
    const seenAt = task.observedAt ? Date.parse(task.observedAt) : Date.now();
    return { submittedAt, estimatedCompletionAt: new Date(estimatedCompletion(record.createdAt, typical, seenAt)).toISOString() };
  }
}
