/**
 * The task registry in Redis, shared by every gateway instance: one JSON value per task, expiring with the
 * record's age limit. Holds webhook secrets, so the Redis server must be as private as the gateway's own memory.
 */
import type { Redis } from 'ioredis';
import { taskRecordMaxAgeMs, type TaskRecord, type TaskRegistry } from './registry.js';

export class RedisTaskRegistry implements TaskRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:task:',
    private readonly maxAgeMs = taskRecordMaxAgeMs,
  ) {}

  async remember(record: TaskRecord): Promise<void> {
    await this.redis.set(this.prefix + record.id, JSON.stringify(record), 'PX', this.maxAgeMs);
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    const stored = await this.redis.get(this.prefix + id);
    if (!stored) return undefined;
    const record = JSON.parse(stored) as TaskRecord;
    return record.id === id ? record : undefined;
  }
}
