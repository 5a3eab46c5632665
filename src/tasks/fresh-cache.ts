/**
 * Running tasks, as last observed, kept for TASK_READ_MAX_AGE_MS: the freshness window. The upstream key is the
 * scarce resource (the upstream recommends polling a task every 15-25 s), yet clients poll `task(id)` far more often:
 * a read of an unfinished task is answered from an observation younger than the window (the last upstream read, poll
 * or webhook of it) instead of reading it again, so each task costs at most one upstream read per window however many
 * ask. A newer observation replaces the kept one at once (a webhook's state is served from the moment it arrives); a
 * final state leaves for the finished-task cache (finished-cache.ts), which keeps it for good.
 *
 * With REDIS_URL, Redis is a shared second level: an observation one instance made serves every instance, and a
 * Lua script keeps the newest observation when instances race. Each new observation is also published to every
 * instance (pub/sub), which keeps it in memory at once in place of an older one (or, for a final state, hands it to
 * its finished-task cache): no instance serves a state older than one another instance has seen, for longer than the
 * message takes. And the instances take turns at the upstream: the first to miss claims the next read of a task
 * (a lease of one window), and the others wait for that read's observation instead of reading too (`readOrWait`), so
 * a running task costs about one upstream read per window in all, not one per instance. A cache never fails a read:
 * without Redis (or with Redis down) the task is read from the upstream as if nothing were kept.
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
  /**
   * A Redis connection in subscriber mode (shared with the live bus, which ignores this channel): where the other
   * instances' observations arrive. Unset: none arrive; each instance keeps its own.
   */
  subscriber?: Redis;
  /** A final state another instance observed: for the finished-task cache. */
  onFinished?: (task: Task, tenant: string) => void;
  /** How long a read waits for the observation another instance is reading, before reading itself (at most 2 s). */
  waitMs?: number;
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
  /** Where observations are published to every instance. */
  private readonly channel: string;
  /** Reads waiting, per task, for the observation another instance (or request) is reading. */
  private readonly waiting = new Map<string, Set<(entry: Entry | undefined) => void>>();

  constructor(private readonly options: FreshTasksOptions) {
    this.now = options.now ?? Date.now;
    this.prefix = options.prefix ?? 'aimusic:fresh:';
    this.channel = `${this.prefix}observed`;
    const { subscriber, logger } = options;
    if (subscriber && options.redis) {
      subscriber.on('message', (channel: string, message: string) => channel === this.channel && this.receive(message));
      subscriber.subscribe(this.channel).catch((err: unknown) => logger?.warn({ err }, 'freshness window: could not subscribe'));
    }
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
    const { redis, logger } = this.options;
    const observedAt = task.observedAt ? Date.parse(task.observedAt) : this.now();
    const entry: Entry = {
      observedAt,
      tenant,
      // Plain data (lazily mapped clips are mapped now, once), stamped with when it was observed.
      task: { ...task, clips: task.clips.map(plainClip), observedAt: new Date(observedAt).toISOString() },
    };
    if (isTerminal(task.status)) {
      this.memory.delete(task.id);
      this.arrived(entry);
      redis?.del(this.prefix + task.id).catch((err: unknown) => logger?.warn({ err }, 'freshness window: Redis delete failed'));
      this.publish(entry);
      return;
    }
    if (!this.remember(entry)) return;
    this.arrived(entry);
    const ttl = this.options.maxAgeMs - (this.now() - observedAt);
    redis
      ?.eval(putScript, 1, this.prefix + task.id, JSON.stringify(entry), observedAt, Math.max(1, Math.ceil(ttl)))
      .catch((err: unknown) => logger?.warn({ err }, 'freshness window: Redis write failed'));
    // After the write, on the same connection: an instance told of it finds it in Redis too.
    this.publish(entry);
  }

  /**
   * Before reading `id` from the upstream (nothing kept for it anywhere): `'mine'` when this instance claimed the
   * task's next read (it reads, then calls `readDone`), the observation the instance that claimed it made, waited for
   * (served only to the tenant it was kept for), or undefined: read it anyway (no Redis, or nothing came within
   * `waitMs`, the claimer's read having failed or being slow).
   */
  async readOrWait(id: string, tenant: string): Promise<Task | 'mine' | undefined> {
    const { redis, subscriber } = this.options;
    if (!redis || !subscriber) return undefined;
    let claimed: string | null;
    try {
      claimed = await redis.set(this.readingKey(id), '1', 'PX', this.options.maxAgeMs, 'NX');
    } catch {
      return undefined;
    }
    if (claimed === 'OK') return 'mine';
    const entry = await new Promise<Entry | undefined>((resolve) => {
      let waiters = this.waiting.get(id);
      if (!waiters) this.waiting.set(id, (waiters = new Set()));
      const done = (value: Entry | undefined) => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiting.get(id) === waiters) this.waiting.delete(id);
        resolve(value);
      };
      const timer = setTimeout(() => done(undefined), Math.min(this.options.waitMs ?? this.options.maxAgeMs, 2_000));
      waiters.add(done);
    });
    return entry?.tenant === tenant ? entry.task : undefined;
  }

  /**
   * The claimed read of `id` is over (its observation, if any, is kept): the next miss may claim it again. After a
   * failed read, the reads of this instance waiting for it read for themselves at once.
   */
  readDone(id: string, failed = false): void {
    if (failed) for (const done of [...(this.waiting.get(id) ?? [])]) done(undefined);
    this.options.redis
      ?.del(this.readingKey(id))
      .catch((err: unknown) => this.options.logger?.warn({ err }, 'freshness window: Redis delete failed'));
  }

  private readingKey(id: string): string {
    return `${this.prefix}reading:${id}`;
  }

  /** An observation another instance published: kept in place of an older one; a final state goes to `onFinished`. */
  private receive(message: string): void {
    const entry = parseEntry(message);
    if (!entry) return;
    if (isTerminal(entry.task.status)) {
      this.memory.delete(entry.task.id);
      this.options.onFinished?.(entry.task, entry.tenant);
    } else {
      this.remember(entry);
    }
    this.arrived(entry);
  }

  /** Hands a new observation to the reads waiting for it. */
  private arrived(entry: Entry): void {
    const waiters = this.waiting.get(entry.task.id);
    if (waiters) for (const done of [...waiters]) done(entry);
  }

  private publish(entry: Entry): void {
    if (!this.options.subscriber) return;
    this.options.redis
      ?.publish(this.channel, JSON.stringify(entry))
      .catch((err: unknown) => this.options.logger?.warn({ err }, 'freshness window: Redis publish failed'));
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
