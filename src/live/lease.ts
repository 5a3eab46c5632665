/**
 * Who polls a task. One instance alone needs no lease; instances sharing a Redis hold a per-task lease there, so that
 * exactly one of them polls each task, and another takes over quickly when it dies.
 *
 * A lease lasts `ttlMs` (`pollLeaseMs`: about one poll interval, at most 5 s) and its holder renews every lease it
 * holds every third of that, on a timer of its own (one Redis call for all of them), whatever its polls are doing: a
 * read in progress or a backoff keeps its lease, a holder that dies (kill -9) loses all of them within `ttlMs`, and the
 * renewal owes nothing to UPSTREAM_TIMEOUT_MS. An instance that finds a task's lease held learns when it runs out
 * and asks again then, rather than a whole interval later, so it takes over within moments of the holder's death.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Held, or held by another instance for up to `retryInMs` more (unless it renews). */
export type Hold = { held: true } | { held: false; retryInMs: number };

export interface PollLease {
  /** Takes or keeps this instance's lease on polling the task. */
  hold(taskId: string): Promise<Hold>;
  /** Gives it up (this instance stops polling the task). */
  release(taskId: string): Promise<void>;
}

/** How long a poll lease lasts without renewal: about one interval, never more than 5 s, never under 250 ms. */
export function pollLeaseMs(intervalMs: number): number {
  return Math.max(250, Math.min(intervalMs, 5_000));
}

export const soleInstanceLease: PollLease = {
  hold: async () => ({ held: true }),
  release: async () => {},
};

// Each script acts only where this instance is the holder, atomically. ARGV: holder, ttl.
const holdScript = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return {1, 0} end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return {1, 0} end
return {0, redis.call('PTTL', KEYS[1])}`;
const renewScript = `
local kept = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) kept[i] = 1 else kept[i] = 0 end
end
return kept`;
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Leases renewed per Redis call. */
const renewBatch = 500;

export class RedisPollLease implements PollLease {
  /** The tasks whose lease this instance holds, renewed by the timer while there are any. */
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    readonly ttlMs: number,
    readonly holder: string = randomUUID(),
    private readonly prefix = 'aimusic:poll-lease:',
  ) {}

  async hold(taskId: string): Promise<Hold> {
    const [held, ttlLeft] = (await this.redis.eval(holdScript, 1, this.prefix + taskId, this.holder, Math.ceil(this.ttlMs))) as [
      number,
      number,
    ];
    if (held !== 1) {
      this.held.delete(taskId);
      return { held: false, retryInMs: Math.max(0, ttlLeft) };
    }
    this.held.add(taskId);
    this.timer ??= setInterval(() => void this.renew(), Math.max(50, Math.floor(this.ttlMs / 3))).unref();
    return { held: true };
  }

  async release(taskId: string): Promise<void> {
    this.held.delete(taskId);
    this.stopIfIdle();
    await this.redis.eval(releaseScript, 1, this.prefix + taskId, this.holder);
  }

  /** Extends every lease still held; one lost meanwhile (it ran out while Redis was away) is dropped from the set. */
  private async renew(): Promise<void> {
    const ids = [...this.held];
    for (let i = 0; i < ids.length; i += renewBatch) {
      const batch = ids.slice(i, i + renewBatch);
      const kept = (await this.redis
        .eval(renewScript, batch.length, ...batch.map((id) => this.prefix + id), this.holder, Math.ceil(this.ttlMs))
        .catch(() => null)) as number[] | null;
      // Redis is away: the poll loop finds out at its next hold.
      if (!kept) return;
      batch.forEach((id, n) => kept[n] !== 1 && this.held.delete(id));
    }
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.held.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
