/**
 * Submit pacing (UPSTREAM_SUBMITS_PER_MINUTE): paid POSTs on one upstream key go out at most once per interval, in
 * the order they arrived, so that many users on one server key queue here instead of meeting the upstream's create
 * limit (about one per 3 s, docs/upstream.md §12) as 429s.
 *
 * Each POST takes the next free send slot of its key (a slot is one interval after the previous one, or now) and
 * waits for it. Slots are handed out in arrival order, so the queue is FIFO. A POST whose slot is further away than
 * UPSTREAM_SUBMIT_MAX_WAIT_MS takes none and fails at once with RATE_LIMITED and `retryAfterSeconds`: nothing is
 * sent for it and the queue behind it is not delayed. The slots live in this process (one instance) or in Redis (one
 * queue per key for the whole cluster, timed by the Redis server's clock).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { GatewayError, storeUnavailable } from '../domain/errors.js';
import { tenantOf } from '../domain/tenancy.js';

/** Hands out send slots per key: the wait until the slot taken (≥ 0), or, when none is within `maxWaitMs`, minus the wait there would be. */
export interface SlotClock {
  take(key: string, intervalMs: number, maxWaitMs: number): Promise<number>;
}

/** Slots in this process's memory. */
export function localSlots(now: () => number = Date.now): SlotClock {
  const last = new Map<string, number>();
  return {
    async take(key, intervalMs, maxWaitMs) {
      const t = now();
      const slot = Math.max(t, (last.get(key) ?? -Infinity) + intervalMs);
      if (slot - t > maxWaitMs) return -(slot - t);
      if (last.size >= 10_000) for (const [k, at] of last) if (at + intervalMs <= t) last.delete(k);
      last.set(key, slot);
      return slot - t;
    },
  };
}

// KEYS: the key's last slot. ARGV: interval, longest wait. The Redis server's clock, so instances' clocks may differ.
const takeScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local last = tonumber(redis.call('GET', KEYS[1]) or '-1e15')
local slot = math.max(now, last + tonumber(ARGV[1]))
local wait = slot - now
if wait > tonumber(ARGV[2]) then return -wait end
redis.call('SET', KEYS[1], string.format('%.0f', slot), 'PX', string.format('%.0f', wait + tonumber(ARGV[1])))
return wait`;

/** Slots in Redis: one FIFO queue per key for every instance sharing it. */
export class RedisSlots implements SlotClock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:submit-slot:',
  ) {}

  async take(key: string, intervalMs: number, maxWaitMs: number): Promise<number> {
    return Number(await this.redis.eval(takeScript, 1, this.prefix + key, Math.ceil(intervalMs), maxWaitMs));
  }
}

export class SubmitPacer {
  private readonly intervalMs: number;
  private readonly closing = new AbortController();

  constructor(
    perMinute: number,
    private readonly maxWaitMs: number,
    private readonly slots: SlotClock,
  ) {
    this.intervalMs = 60_000 / perMinute;
  }

  /** Resolves when a paid POST with `apiKey` may be sent; throws (having sent nothing) when it may not. */
  async wait(apiKey: string): Promise<void> {
    if (this.closing.signal.aborted) throw shuttingDown();
    let wait: number;
    try {
      wait = await this.slots.take(tenantOf(apiKey), this.intervalMs, this.maxWaitMs);
    } catch (err) {
      // The shared clock (Redis) failed: nothing is sent, and the key's claim is freed as for any sure failure.
      if (err instanceof GatewayError) throw err;
      throw storeUnavailable('the submit pacing in its store did not answer');
    }
    if (wait < 0) {
      // Retrying then finds the queue within the longest wait (unless others joined it meanwhile).
      const retryAfterSeconds = Math.max(1, Math.ceil((-wait - this.maxWaitMs) / 1000));
      throw new GatewayError(
        'RATE_LIMITED',
        `Too many paid requests on this upstream key: the queue is longer than ${Math.round(this.maxWaitMs / 1000)} s. Nothing was sent.`,
        { retryAfterSeconds },
      );
    }
    if (wait > 0) await sleep(wait, undefined, { signal: this.closing.signal }).catch(() => Promise.reject(shuttingDown()));
  }

  /** Ends every wait: those POSTs are not sent (the gateway is stopping). */
  close(): void {
    this.closing.abort();
  }
}

/** A paid request the gateway did not send because it is stopping. */
export function shuttingDown(): GatewayError {
  return new GatewayError('UPSTREAM_UNAVAILABLE', 'The gateway is shutting down; this request was not sent. Retry it.');
}
