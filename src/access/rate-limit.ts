/**
 * The per-operation rate limit, with rate-limiter-flexible: every GraphQL operation (an HTTP request, a graphql-ws
 * `subscribe`) takes a point from its client IP's bucket and from its caller's (API key or signed-in user), so that
 * rotating keys does not buy a fresh bucket. In memory for one instance; in Redis with REDIS_URL, so that the limit
 * holds for the cluster (with an in-memory limiter as insurance while Redis is unreachable).
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GatewayError } from '../domain/errors.js';

export interface RateLimits {
  /** Operations per minute per caller (key or user); 0: no such limit. */
  perCaller: number;
  /** Operations per minute per client IP; 0: no such limit. */
  perIp: number;
}

function limiter(name: string, points: number, redis: Redis | undefined): RateLimiterAbstract | undefined {
  if (points === 0) return undefined;
  const options = { points, duration: 60, keyPrefix: `aimusic:rate:${name}` };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

export class OperationLimiter {
  private readonly byCaller: RateLimiterAbstract | undefined;
  private readonly byIp: RateLimiterAbstract | undefined;

  constructor(
    private readonly limits: RateLimits,
    redis?: Redis,
  ) {
    this.byCaller = limiter('caller', limits.perCaller, redis);
    this.byIp = limiter('ip', limits.perIp, redis);
  }

  /** Takes one operation from the IP's and the caller's buckets; RATE_LIMITED when either is empty. */
  async take(ip: string, caller: string | undefined): Promise<GatewayError | undefined> {
    const takes: Promise<number>[] = [];
    if (this.byIp) takes.push(waitOf(this.byIp.consume(ip)));
    if (this.byCaller && caller) takes.push(waitOf(this.byCaller.consume(caller)));
    if (takes.length === 0) return undefined; // no limit applies
    const waitMs = Math.max(0, ...(await Promise.all(takes)));
    if (waitMs === 0) return undefined;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    const perMinute = Math.min(...[this.limits.perCaller, this.limits.perIp].filter((n) => n > 0));
    return new GatewayError('RATE_LIMITED', `Too many requests: at most ${perMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}

/** 0 when the point was taken, else the milliseconds until the bucket refills. */
async function waitOf(consumed: Promise<RateLimiterRes>): Promise<number> {
  try {
    await consumed;
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
    throw refusal;
  }
}
