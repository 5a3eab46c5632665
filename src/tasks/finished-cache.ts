/**
 * Finished tasks, served without the upstream. A task the upstream reports SUCCEEDED or FAILED never changes again,
 * so whatever reads it so (a query, a poll, a webhook) keeps it here, and later `task`, `tasks` and `taskUpdated` of
 * it make no upstream call. Running tasks are never kept. Bounded by bytes (each task counted by the size of its
 * JSON) and by age (media URLs may not live forever); with REDIS_URL, Redis is a shared second level, so a task one
 * instance saw finish is finished for every instance.
 *
 * Tenancy: an entry keeps the one tenant it may be served to: the owner the registry records for a task the gateway
 * submitted, else the tenant whose own key read it from the upstream. Any other tenant misses and takes the usual
 * path (the registry's NOT_FOUND, or a read with its own key), so the cache never widens who sees a task.
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { isTerminal } from '../domain/status.js';
import { plainClip } from '../domain/clip.js';
import type { Task } from '../domain/task.js';

export interface FinishedTasksOptions {
  /** Memory budget; the cache is off at 0. */
  maxBytes: number;
  ttlMs: number;
  /** The shared second level. */
  redis?: Redis;
  logger?: Logger;
  prefix?: string;
  now?: () => number;
}

/** What is kept, in memory and (as JSON) in Redis. */
interface Entry {
  task: Task;
  tenant: string;
  /** When it was first kept (epoch ms): its age limit runs from then, at every level. */
  keptAt: number;
}

export class FinishedTasks {
  private readonly memory: LRUCache<string, Entry>;
  private readonly redis: Redis | undefined;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(private readonly options: FinishedTasksOptions) {
    this.memory = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      ttl: options.ttlMs,
      // A clock of our own (tests move it by hand) is read as it is, not cached for a millisecond.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
    this.redis = options.redis;
    this.prefix = options.prefix ?? 'aimusic:finished:';
    this.now = options.now ?? Date.now;
  }

  /** How long `id`'s entry has left in memory, in ms (0 when there is none). */
  remainingMs(id: string): number {
    return this.memory.has(id) ? this.memory.getRemainingTTL(id) : 0;
  }

  /** The memory the kept tasks take, as counted against the budget. */
  get bytes(): number {
    return this.memory.calculatedSize;
  }

  /** Whether a second level may hold what memory does not: a miss in memory is then worth a look there. */
  get shared(): boolean {
    return this.redis !== undefined;
  }

  /** The finished task from memory, if `tenant` may be served it. */
  get(id: string, tenant: string): Task | undefined {
    const entry = this.memory.get(id);
    return entry?.tenant === tenant ? entry.task : undefined;
  }

  /** The finished task from the shared level (kept in memory from then on), if `tenant` may be served it. */
  async getShared(id: string, tenant: string): Promise<Task | undefined> {
    if (!this.redis) return undefined;
    let stored: string | null;
    try {
      stored = await this.redis.get(this.prefix + id);
    } catch (err) {
      // A cache never fails a read: without Redis the task is read from the upstream as if it were not kept.
      this.options.logger?.warn({ err }, 'finished-task cache: Redis read failed');
      return undefined;
    }
    const entry = stored ? parseEntry(stored) : undefined;
    if (!stored || entry?.task.id !== id) return undefined;
    this.remember(entry, Buffer.byteLength(stored));
    return entry.tenant === tenant ? entry.task : undefined;
  }

  /**
   * Keeps `task` if it is finished, for `tenant` (see the module's note on tenancy). The first entry of a task stays:
   * another tenant's read of a task unknown to the registry does not take it over.
   */
  put(task: Task, tenant: string): void {
    if (!isTerminal(task.status) || this.memory.has(task.id)) return;
    const keptAt = this.now();
    // Plain data (lazily mapped clips are mapped now, once), stamped with when it was read: `observedAt` stays true.
    const entry: Entry = {
      task: { ...task, clips: task.clips.map(plainClip), observedAt: task.observedAt ?? new Date(keptAt).toISOString() },
      tenant,
      keptAt,
    };
    const json = JSON.stringify(entry);
    this.remember(entry, Buffer.byteLength(json));
    this.redis
      ?.set(this.prefix + task.id, json, 'PX', this.options.ttlMs, 'NX')
      .catch((err: unknown) => this.options.logger?.warn({ err }, 'finished-task cache: Redis write failed'));
  }

  private remember(entry: Entry, bytes: number): void {
    const ttl = this.options.ttlMs - (this.now() - entry.keptAt);
    if (ttl <= 0 || bytes > this.options.maxBytes) return;
    this.memory.set(entry.task.id, entry, { size: bytes, ttl });
  }
}

function parseEntry(stored: string): Entry | undefined {
  try {
    const entry = JSON.parse(stored) as Partial<Entry>;
    return entry.task && typeof entry.tenant === 'string' && typeof entry.keptAt === 'number' ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}
