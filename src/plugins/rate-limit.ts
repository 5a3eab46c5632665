/**
 * A per-caller rate limit on GraphQL requests: a token bucket of RATE_LIMIT_PER_MINUTE tokens, refilled evenly,
 * one token per request. The caller is the API key the request brings (by its tenant fingerprint), else its IP
 * address, so callers on the server's key do not share one budget. Over the limit: HTTP 429, RATE_LIMITED with
 * `retryAfterSeconds`, and nothing runs. Buckets live in this process (the limit is per instance).
 */
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { bearerKey } from '../context.js';
import type { ErrorCode } from '../errors.js';
import { tenantOf } from '../tasks/task.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxCallers = 100_000,
  ) {}

  /** Takes a token for `caller`: 0 when allowed, else the milliseconds until one is available. */
  take(caller: string): number {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const previous = this.buckets.get(caller);
    const tokens = Math.min(this.perMinute, previous ? previous.tokens + (now - previous.at) * perMs : this.perMinute);
    this.buckets.delete(caller);
    if (this.buckets.size >= this.maxCallers) this.buckets.delete(this.buckets.keys().next().value as string);
    if (tokens >= 1) {
      this.buckets.set(caller, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(caller, { tokens, at: now });
    return Math.ceil((1 - tokens) / perMs);
  }
}

export function callerOf(authorization: string | null, req: IncomingMessage | undefined): string {
  const key = bearerKey(authorization);
  return key ? `key:${tenantOf(key)}` : `ip:${req?.socket.remoteAddress ?? 'unknown'}`;
}

/** The refusal for a caller over the limit; yoga turns `extensions.http` into the status and headers. */
export function rateLimitedError(perMinute: number, waitMs: number): GraphQLError {
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  return new GraphQLError(`Too many requests: at most ${perMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED' satisfies ErrorCode,
      retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}

/** One limiter per gateway, applied by the yoga plugin and by the HTTP fast path alike. */
export class RateLimiter {
  private readonly buckets: TokenBuckets | undefined;

  constructor(
    readonly perMinute: number,
    now?: () => number,
  ) {
    this.buckets = perMinute === 0 ? undefined : new TokenBuckets(perMinute, now);
  }

  /** Takes a token for this request's caller, or returns the error to answer with. */
  check(authorization: string | null, req: IncomingMessage | undefined): GraphQLError | undefined {
    const waitMs = this.buckets?.take(callerOf(authorization, req)) ?? 0;
    return waitMs === 0 ? undefined : rateLimitedError(this.perMinute, waitMs);
  }
}

export function rateLimitPlugin(limiter: RateLimiter): Plugin {
  if (limiter.perMinute === 0) return {};
  return {
    onParams({ request, context }) {
      const refusal = limiter.check(request.headers.get('authorization'), (context as { req?: IncomingMessage }).req);
      if (refusal) throw refusal;
    },
  };
}
