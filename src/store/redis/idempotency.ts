/**
 * Idempotency records in Redis, shared by every gateway instance. `claim` and `settle` are Lua scripts, so each
 * is atomic on the server (the connection belongs to the caller); waiting polls (another instance's change cannot wake us) and wakes at once for changes
 * made in this process.
 */
import type { Redis } from 'ioredis';
import { LocalSignals } from '../local-signals.js';
import { type IdempotencyRecord, type IdempotencyStore, type PendingRecord } from '../types.js';

const claimScript = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).state ~= 'failed' then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

// ARGV: attempt, the outcome, its time to live ('' keeps the key's), the time to live of a key no longer held ('': none).
const settleScript = `
local current = redis.call('GET', KEYS[1])
if not current then
  local ttl = ARGV[3] ~= '' and ARGV[3] or ARGV[4]
  if ttl == '' then return 0 end
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
  return 1
end
local record = cjson.decode(current)
if record.state ~= 'pending' or record.attempt ~= ARGV[1] then return 0 end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1`;

// ARGV: attempt, the new lease end.
const renewScript = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.state ~= 'pending' or record.attempt ~= ARGV[1] then return 0 end
record.leaseUntil = tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1`;

export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly signals = new LocalSignals();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:idempotency:',
    private readonly pollMs = 50,
  ) {}

  async claim(key: string, pending: PendingRecord, ttlMs: number): Promise<IdempotencyRecord | null> {
    const current = (await this.redis.eval(claimScript, 1, this.prefix + key, JSON.stringify(pending), ttlMs)) as string | null;
    return current === null ? null : (JSON.parse(current) as IdempotencyRecord);
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    const current = await this.redis.get(this.prefix + key);
    return current === null ? null : (JSON.parse(current) as IdempotencyRecord);
  }

  async renew(key: string, attempt: string, leaseUntil: number): Promise<boolean> {
    return (await this.redis.eval(renewScript, 1, this.prefix + key, attempt, leaseUntil)) === 1;
  }

  async settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null, keyTtlMs?: number): Promise<void> {
    const orTtl = keyTtlMs ?? '';
    await this.redis.eval(settleScript, 1, this.prefix + key, attempt, JSON.stringify(outcome), ttlMs === null ? '' : ttlMs, orTtl);
    this.signals.notify(key);
  }

  waitForChange(key: string, ms: number): Promise<void> {
    return this.signals.wait(key, Math.min(ms, this.pollMs));
  }
}
