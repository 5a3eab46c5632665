/**
 * The task registry in Redis, shared by every gateway instance: one hash per task (expiring with the record's age
 * limit) and, per tenant, a sorted set of its tasks' list positions (`listPosition`: all scores 0, so members sort
 * by creation time, then id). Holds webhook secrets: the Redis server must be as private as the gateway's memory.
 */
import type { Redis } from 'ioredis';
import type { SubmittedTaskKind } from '../../domain/kinds.js';
import { isTerminal, type TaskStatus } from '../../domain/status.js';
import { decodeCursor, encodeCursor, listPosition, taskRecordMaxAgeMs } from '../rules.js';
import type { TaskListQuery, TaskPage, TaskRecord, TaskRegistry } from '../../domain/records.js';

// KEYS: the task's hash, its tenant's list, and (for a record with a webhook) the key that finds it by its webhook
// secret. ARGV: list position, expiry (epoch ms), oldest position kept, '1' to leave a kept record alone, fields...
const rememberScript = `
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local old = redis.call('HGET', KEYS[1], 'position')
if old then redis.call('ZREM', KEYS[2], old) end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 5))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('ZREMRANGEBYLEX', KEYS[2], '-', '(' .. ARGV[3])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
if KEYS[3] then
  redis.call('SET', KEYS[3], redis.call('HGET', KEYS[1], 'id'))
  redis.call('PEXPIREAT', KEYS[3], ARGV[2])
end
return 1`;

// Of concurrent observers of the final state, exactly one gets 1. ARGV: status, at, whether it is final.
const observeScript = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == ARGV[1] or redis.call('HEXISTS', KEYS[1], 'finishedAt') == 1 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'finishedAt', ARGV[2])
  return 1
end
return 0`;

function toRecord(id: string, hash: Record<string, string>): TaskRecord | undefined {
  if (hash.id !== id || !hash.tenant || !hash.kind || !hash.createdAt || !hash.status) return undefined;
  return {
    id,
    kind: hash.kind as SubmittedTaskKind,
    tenant: hash.tenant,
    createdAt: Number(hash.createdAt),
    status: hash.status as TaskStatus,
    ...(hash.webhookSecret ? { webhookSecret: hash.webhookSecret } : {}),
    ...(hash.finishedAt ? { finishedAt: Number(hash.finishedAt) } : {}),
    ...(hash.reservationId ? { reservationId: hash.reservationId } : {}),
  };
}

export class RedisTaskRegistry implements TaskRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:',
    private readonly maxAgeMs = taskRecordMaxAgeMs,
  ) {}

  async remember(record: TaskRecord, options: { ifNew?: boolean } = {}): Promise<boolean> {
    const position = listPosition(record.createdAt, record.id);
    const fields: Record<string, string | number | undefined> = { ...record, position };
    const pairs = Object.entries(fields).flatMap(([name, value]) => (value === undefined ? [] : [name, String(value)]));
    const keys = [this.taskKey(record.id), this.listKey(record.tenant)];
    if (record.webhookSecret) keys.push(this.webhookKey(record.webhookSecret));
    const written = await this.redis.eval(
      rememberScript,
      keys.length,
      ...keys,
      position,
      record.createdAt + this.maxAgeMs,
      listPosition(Date.now() - this.maxAgeMs, ''),
      options.ifNew ? '1' : '0',
      ...pairs,
    );
    return written === 1;
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    return toRecord(id, await this.redis.hgetall(this.taskKey(id))) ?? this.lookupLegacy(id);
  }

  async lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined> {
    const id = await this.redis.get(this.webhookKey(webhookSecret));
    const record = id ? await this.lookup(id) : undefined;
    return record?.webhookSecret === webhookSecret ? record : undefined;
  }

  /**
   * A record written by a gateway before this store (a JSON string under `task:<id>`, kept 7 days): still read, so
   * that an upgrade forgets no task's owner, kind or webhook secret. Remove 7 days after every instance is upgraded.
   */
  private async lookupLegacy(id: string): Promise<TaskRecord | undefined> {
    const stored = await this.redis.get(`${this.prefix}task:${id}`);
    const legacy = stored ? (JSON.parse(stored) as Omit<TaskRecord, 'status'>) : undefined;
    return legacy?.id === id ? { ...legacy, status: 'PENDING' } : undefined;
  }

  async observe(id: string, status: TaskStatus, at: number): Promise<boolean> {
    const final = isTerminal(status);
    return (await this.redis.eval(observeScript, 1, this.taskKey(id), status, at, final ? '1' : '0')) === 1;
  }

  async list(tenant: string, query: TaskListQuery): Promise<TaskPage> {
    const after = query.after ? decodeCursor(query.after) : undefined;
    const wanted = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
    const batch = Math.min(500, Math.max(20, (query.first + 1) * (wanted ? 4 : 1)));
    const key = this.listKey(tenant);
    const matches: TaskRecord[] = [];
    let start = after ? `(${listPosition(after.createdAt, after.id)}` : '+';
    // Walk the list newest first, a batch at a time, until one match more than a page (that says there is a next one).
    while (matches.length <= query.first) {
      const positions = await this.redis.zrevrangebylex(key, start, '-', 'LIMIT', 0, batch);
      if (positions.length === 0) break;
      const ids = positions.map((position) => position.slice(position.indexOf(':') + 1));
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.hgetall(this.taskKey(id));
      const hashes = (await pipeline.exec()) ?? [];
      ids.forEach((id, i) => {
        const [err, hash] = hashes[i] ?? [];
        if (err) throw err;
        const record = toRecord(id, hash as Record<string, string>);
        if (record && (!wanted || wanted.has(record.status))) matches.push(record);
      });
      if (positions.length < batch) break;
      start = `(${positions.at(-1)}`;
    }
    const records = matches.slice(0, query.first);
    const last = records.at(-1);
    return { records, hasNextPage: matches.length > query.first, endCursor: last ? encodeCursor(last.createdAt, last.id) : null };
  }

  private taskKey(id: string): string {
    return `${this.prefix}task-record:${id}`;
  }

  private webhookKey(webhookSecret: string): string {
    return `${this.prefix}task-by-webhook:${webhookSecret}`;
  }

  private listKey(tenant: string): string {
    return `${this.prefix}tasks:${tenant}`;
  }
}
