/**
 * Running tasks, as last observed, kept for TASK_READ_MAX_AGE_MS: the freshness window. The upstream key is the
 * scarce resource (the upstream recommends polling a task every 15-25 s), yet clients poll `task(id)` far more often:
 * a read of an unfinished task is answered from an observation younger than the window (the last upstream read, poll
 * or webhook of it) instead of reading it again, so each task costs at most one upstream read per window however many
 * ask. A newer observation replaces the kept one at once (a webhook's state is served from the moment it arrives); a
 * final state leaves for the finished-task cache (finished-cache.ts), which keeps it for good.
 *
 * With REDIS_URL, Redis is a shared second level: an observation one instance made serves every instance, and a
 * Lua script keeps the newest observation when instances race. A cache never fails a read: without Redis the task is
 * read from the upstream as if nothing were kept.
 *
 * Tenancy: as in the finished-task cache, an entry keeps the one tenant it may be served to (the owner the registry
 * records, else the tenant whose own key read it); any other tenant misses and takes the usual path.
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { plainClip } from '../domain/clip.js';
import { isTerminal } from '../domain/status.js';
import type { Task } from '../domain/task.js';

export interface FreshTasksOptions {
  /** TASK_READ_MAX_AGE_MS: how old a kept observation may be when it is served. */
  maxAgeMs: number;
  /** The shared second level. */
  redis?: Redis;
  logger?: Logger;
  /** Running tasks kept in memory at most (each a few KB at most; a 12-stem task is the largest). */
  max?: number;
  prefix?: string;
  now?: () => number;
}

/** What is kept, in memory and (as JSON) in Redis. */
interface Entry {
  /** When the state was observed (epoch ms): the entry serves until `observedAt + maxAgeMs`. First in the JSON. */
  observedAt: number;
  tenant: string;
  task: Task;
}

// KEYS: the task's key. ARGV: the entry's JSON, its observation time, its lifetime in ms. Replaces only an older
// observation, so a slow read that ends after a webhook cannot put back the state the webhook superseded. The kept
// entry's `observedAt` is the first field of its JSON, so the first match is its own.
const putScript = `
local current = redis.call('GET', KEYS[1])
if current then
  local at = tonumber(string.match(current, '"observedAt":(%d+)'))
  if at and at > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

export class FreshTasks {
  private readonly memory: LRUCache<string, Entry>;
  private readonly now: () => number;
  private readonly prefix: string;

  constructor(private readonly options: FreshTasksOptions) {
    this.now = options.now ?? Date.now;
    this.prefix = options.prefix ?? 'aimusic:fresh:';
    this.memory = new LRUCache<string, Entry>({
      // Counted by `maxSize` (one per task) rather than `max`, which makes lru-cache set aside room for all of them at
      // once (~10 ms and a few MB for each cache a gateway builds).
      maxSize: options.max ?? 50_000,
      sizeCalculation: () => 1,
      ttl: options.maxAgeMs,
      // A clock of our own (tests move it by hand) is read as it is, not cached for a millisecond.
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  /** Whether a second level may hold what memory does not. */
  get shared(): boolean {
    return this.options.redis !== undefined;
  }

  /** The kept observation of a running task, if it is young enough and `tenant` may be served it. */
  get(id: string, tenant: string): Task | undefined {
    const entry = this.memory.get(id);
    return entry?.tenant === tenant ? entry.task : undefined;
  }

  /** How long the kept observation of `id` has left, in ms (0 when there is none). */
  remainingMs(id: string): number {
    return this.memory.has(id) ? this.memory.getRemainingTTL(id) : 0;
  }

  /** When the kept observation of `id` was made (epoch ms), or undefined: a whole answer made from it checks this. */
  observedAt(id: string): number | undefined {
    return this.memory.get(id)?.observedAt;
  }

  /** The kept observation from the shared level (kept in memory from then on), if `tenant` may be served it. */
  async getShared(id: string, tenant: string): Promise<Task | undefined> {
    const redis = this.options.redis;
    if (!redis) return undefined;
    let stored: string | null;
    try {
      stored = await redis.get(this.prefix + id);
    } catch (err) {
      this.options.logger?.warn({ err }, 'freshness window: Redis read failed');
      return undefined;
    }
    const entry = stored ? parseEntry(stored) : undefined;
    if (!entry || entry.task.id !== id) return undefined;
    this.remember(entry);
    return entry.tenant === tenant ? entry.task : undefined;
  }

  /**
   * Keeps the observation of a running task for `tenant`, unless a newer one is kept. A final state removes the entry
   * (the finished-task cache takes the task over).
   */
  put(task: Task, tenant: string): void {
    if (isTerminal(task.status)) {
      this.memory.delete(task.id);
      this.options.redis
        ?.del(this.prefix + task.id)
        .catch((err: unknown) => this.options.logger?.warn({ err }, 'freshness window: Redis delete failed'));
      return;
    }
    const observedAt = task.observedAt ? Date.parse(task.observedAt) : this.now();
    const entry: Entry = {
      observedAt,
      tenant,
      // Plain data (lazily mapped clips are mapped now, once), stamped with when it was observed.
      task: { ...task, clips: task.clips.map(plainClip), observedAt: new Date(observedAt).toISOString() },
    };
    if (!this.remember(entry)) return;
    const ttl = this.options.maxAgeMs - (this.now() - observedAt);
    this.options.redis
      ?.eval(putScript, 1, this.prefix + task.id, JSON.stringify(entry), observedAt, Math.max(1, Math.ceil(ttl)))
      .catch((err: unknown) => this.options.logger?.warn({ err }, 'freshness window: Redis write failed'));
  }

  /** Keeps `entry` in memory for what is left of its window, unless memory holds a newer observation. */
  private remember(entry: Entry): boolean {
    const ttl = this.options.maxAgeMs - (this.now() - entry.observedAt);
    if (ttl <= 0) return false;
    const kept = this.memory.get(entry.task.id);
    if (kept && kept.observedAt > entry.observedAt) return false;
    this.memory.set(entry.task.id, entry, { ttl });
    return true;
  }
}

function parseEntry(stored: string): Entry | undefined {
  try {
    const entry = JSON.parse(stored) as Partial<Entry>;
    return entry.task && typeof entry.tenant === 'string' && typeof entry.observedAt === 'number' ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}
