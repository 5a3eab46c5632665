/** How long finished tasks took, per kind, in Redis: a sorted set per kind by time, trimmed to the newest ones. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SubmittedTaskKind } from '../../domain/kinds.js';
import { durationMaxAgeMs, durationsKeptPerKind } from '../rules.js';
import type { DurationHistory } from '../types.js';

export class RedisDurationHistory implements DurationHistory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:durations:',
  ) {}

  async record(kind: SubmittedTaskKind, durationMs: number, at: number): Promise<void> {
    const key = this.prefix + kind;
    // A member must be unique in a sorted set; the duration follows a random id.
    await this.redis
      .multi()
      .zadd(key, at, `${randomUUID()}:${Math.round(durationMs)}`)
      .zremrangebyscore(key, '-inf', at - durationMaxAgeMs)
      .zremrangebyrank(key, 0, -(durationsKeptPerKind + 1))
      .pexpire(key, durationMaxAgeMs)
      .exec();
  }

  async recent(kind: SubmittedTaskKind, limit: number): Promise<number[]> {
    const members = await this.redis.zrevrangebyscore(this.prefix + kind, '+inf', `(${Date.now() - durationMaxAgeMs}`, 'LIMIT', 0, limit);
    return members.map((member) => Number(member.slice(member.lastIndexOf(':') + 1)));
  }
}
