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

export function rateLimitPlugin(perMinute: number, now?: () => number): Plugin {
  if (perMinute === 0) return {};
  const buckets = new TokenBuckets(perMinute, now);
  return {
    onParams({ request, context }) {
      const waitMs = buckets.take(callerOf(request.headers.get('authorization'), (context as { req?: IncomingMessage }).req));
      if (waitMs === 0) return;
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      // yoga turns `extensions.http` into the response status and headers, and leaves it out of the body.
      throw new GraphQLError(`Too many requests: at most ${perMinute} per minute. Retry in ${retryAfterSeconds} s.`, {
        extensions: {
          code: 'RATE_LIMITED' satisfies ErrorCode,
          retryAfterSeconds,
          http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
        },
      });
    },
  };
}
