/**
 * Who polls a task. One instance alone needs no lease; instances sharing a Redis hold a per-task lease there, so
 * that exactly one of them polls each task. The holder extends it at every poll and gives it up when it stops; a
 * holder that dies loses it when it expires, and another instance with subscribers takes over.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface PollLease {
  /** Takes or extends this instance's lease on polling the task; false while another instance holds it. */
  hold(taskId: string, ttlMs: number): Promise<boolean>;
  release(taskId: string): Promise<void>;
}

export const soleInstanceLease: PollLease = {
  hold: async () => true,
  release: async () => {},
};

// Both scripts act only when this instance is the holder, atomically.
const holdScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisPollLease implements PollLease {
  constructor(
    private readonly redis: Redis,
    readonly holder: string = randomUUID(),
    private readonly prefix = 'aimusic:poll-lease:',
  ) {}

  async hold(taskId: string, ttlMs: number): Promise<boolean> {
    const held = await this.redis.eval(holdScript, 1, this.prefix + taskId, this.holder, Math.ceil(ttlMs));
    return held === 1;
  }

  async release(taskId: string): Promise<void> {
    await this.redis.eval(releaseScript, 1, this.prefix + taskId, this.holder);
  }
}
