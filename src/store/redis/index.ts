/**
 * The Redis engine: every store in the Redis that gateway instances share (REDIS_URL), so that any instance serves
 * any request. Its durability is the Redis server's: run it with persistence (appendonly) for idempotency keys and
 * budgets to survive a Redis restart.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Stores } from '../types.js';
import { RedisBudgetStore } from './budgets.js';
import { RedisDurationHistory } from './durations.js';
import { RedisIdempotencyStore } from './idempotency.js';
import { RedisOwnershipStore } from './ownership.js';
import { RedisTaskRegistry } from './registry.js';

export class RedisStores implements Stores {
  readonly engine = 'redis' as const;
  readonly registry: RedisTaskRegistry;
  readonly idempotency: RedisIdempotencyStore;
  readonly budgets: RedisBudgetStore;
  readonly durations: RedisDurationHistory;
  readonly ownership: RedisOwnershipStore;

  private readonly probeKey = `aimusic:write-probe:${randomUUID()}`;

  /** `redis` stays the caller's: it is closed with the other connections, not here. */
  constructor(private readonly redis: Redis) {
    this.registry = new RedisTaskRegistry(redis);
    this.idempotency = new RedisIdempotencyStore(redis);
    this.budgets = new RedisBudgetStore(redis);
    this.durations = new RedisDurationHistory(redis);
    this.ownership = new RedisOwnershipStore(redis);
  }

  /** A write with an expiry, as paid work makes them: fails while Redis is unreachable or refuses writes (OOM, MISCONF, READONLY). */
  async probe(): Promise<void> {
    await this.redis.set(this.probeKey, Date.now(), 'PX', 60_000);
  }

  async close(): Promise<void> {}
}
