/**
 * Upstream reads per caller (UPSTREAM_READS_PER_MINUTE_PER_CALLER). The server's key is shared by every caller that
 * does not bring its own (and by every signed-in user), and its read quota with it: a client asking for many tasks
 * that are neither finished nor freshly observed (src/tasks/fresh-cache.ts) would otherwise spend it for everyone.
 * Each upstream read a request causes takes a point from its caller's bucket (the user, the caller's own key, or its
 * IP address when it has neither); reads answered from memory cost nothing. In memory for one instance, in Redis with
 * REDIS_URL so the limit holds for the cluster (with an in-memory limiter as insurance while Redis is unreachable).
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GatewayError } from '../domain/errors.js';
import type { Caller } from './caller.js';

export class UpstreamReadLimiter {
  private readonly limiter: RateLimiterAbstract | undefined;

  /** `perMinute` 0: no limit. */
  constructor(
    private readonly perMinute: number,
    redis?: Redis,
  ) {
    if (perMinute === 0) return;
    const options = { points: perMinute, duration: 60, keyPrefix: 'aimusic:rate:upstream-reads' };
    this.limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  }

  /** Whether reads are limited at all (UPSTREAM_READS_PER_MINUTE_PER_CALLER is not 0). */
  get limited(): boolean {
    return this.limiter !== undefined;
  }

  /** Takes one upstream read from the caller's bucket; RATE_LIMITED (with retryAfterSeconds) when it is empty. */
  async take(caller: Pick<Caller, 'identity' | 'ip'>): Promise<GatewayError | undefined> {
    if (!this.limiter) return undefined;
    try {
      await this.limiter.consume(caller.identity ?? `ip:${caller.ip}`);
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return new GatewayError(
        'RATE_LIMITED',
        `Too many upstream reads: at most ${this.perMinute} per minute for one caller (reads of finished tasks, and of ` +
          `running tasks read in the last moments, are free). Retry in ${retryAfterSeconds} s, or subscribe to the task.`,
        { retryAfterSeconds },
      );
    }
  }
}
