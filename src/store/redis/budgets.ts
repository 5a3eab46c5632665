/**
 * Credit budgets in Redis: per tenant and window, the credits reserved (a counter that expires with its window),
 * and per reservation the counter it was taken from and how much (so that it can be given back once). Both steps
 * are Lua scripts, atomic on the server, so instances sharing the Redis can never overspend a budget together.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { budgetUsage, budgetWindow, checkAmount } from '../rules.js';
import type { BudgetPolicy, BudgetStore, BudgetUsage, Reservation } from '../types.js';

// KEYS: the window's counter, the reservation. ARGV: amount, limit, window end (epoch ms), reservation value.
const reserveScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, used} end
used = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[4])
redis.call('PEXPIREAT', KEYS[2], ARGV[3])
return {1, used}`;

// The reservation names its counter (a key computed here, so this script is for a single Redis, not a cluster).
const releaseScript = `
local reservation = redis.call('GET', KEYS[1])
if not reservation then return 0 end
redis.call('DEL', KEYS[1])
local at = string.find(reservation, ' ', 1, true)
local counter = string.sub(reservation, at + 1)
if redis.call('EXISTS', counter) == 1 then
  local left = redis.call('DECRBY', counter, string.sub(reservation, 1, at - 1))
  if left < 0 then redis.call('SET', counter, 0, 'KEEPTTL') end
end
return 1`;

export class RedisBudgetStore implements BudgetStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:',
  ) {}

  async reserve(tenant: string, amount: number, policy: BudgetPolicy, now: number, id: string = randomUUID()): Promise<Reservation> {
    checkAmount(amount);
    const window = budgetWindow(policy, now);
    const counter = this.counterKey(tenant, window.start, window.end);
    const reservationId = id;
    const [ok, used] = (await this.redis.eval(
      reserveScript,
      2,
      counter,
      this.reservationKey(reservationId),
      amount,
      policy.limit,
      window.end,
      `${amount} ${counter}`,
    )) as [number, number];
    const usage = budgetUsage(policy, used, window.end);
    return ok === 1 ? { ok: true, reservationId, usage } : { ok: false, usage };
  }

  async release(reservationId: string): Promise<void> {
    await this.redis.eval(releaseScript, 1, this.reservationKey(reservationId));
  }

  async usage(tenant: string, policy: BudgetPolicy, now: number): Promise<BudgetUsage> {
    const window = budgetWindow(policy, now);
    const used = Number((await this.redis.get(this.counterKey(tenant, window.start, window.end))) ?? 0);
    return budgetUsage(policy, used, window.end);
  }

  private counterKey(tenant: string, start: number, end: number): string {
    return `${this.prefix}budget:${tenant}:${start}:${end}`;
  }

  private reservationKey(id: string): string {
    return `${this.prefix}budget-reservation:${id}`;
  }
}
