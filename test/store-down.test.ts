/**
 * Reads while the store is down, and after. A read that needs a task's record (whose it is, of which kind) while Redis
 * is unreachable is STORE_UNAVAILABLE, a defined and retryable error, on every path that looks one up: a query, a new
 * subscription, a webhook (503, so the upstream delivers again). And what could not be looked up then is not kept as
 * "unknown": a finished task's `submittedAt` is right again once the store answers.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/domain/task.js';
import type { Sandbox } from '../src/sandbox/index.js';
import { ProgressEstimates } from '../src/tasks/progress.js';
import { codes, gql, keyA, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { subscribeSse, subscribeWs } from './support/live.js';
import { freePort } from './support/ports.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

const bearer = { authorization: `Bearer ${keyA}` };

describe('progress estimates', () => {
  it('a record the store could not give now leaves the estimate null this time only, not for as long as the task is kept', async () => {
    let down = true;
    const createdAt = Date.parse('2026-12-01T00:00:00Z');
    const registry = {
      lookup: async () => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        return { kind: 'CREATE_MUSIC' as const, createdAt };
      },
    };
    const estimates = new ProgressEstimates(registry, { record: async () => {}, recent: async () => [] }, pino({ level: 'silent' }));
    // One task object, as the finished-task cache hands the same one to every later read.
    const task: Task = { id: 't1', kind: 'CREATE_MUSIC', status: 'SUCCEEDED', clips: [], error: null };
    expect(await estimates.of(task)).toBeNull();
    down = false;
    expect(await estimates.of(task)).toEqual({ submittedAt: new Date(createdAt).toISOString(), estimatedCompletionAt: null });
  });
});

describe('reads while Redis is down', requires(redis), () => {
  let redisServer: TestRedis;
  let sandbox: Sandbox;
  /** `a` takes the paid work; `b`, another instance, has never seen the task, so it must ask Redis for its record. */
  let a: TestGateway;
  let b: TestGateway;
  let taskId: string;
  const clock = manualClock(Date.now());
  beforeAll(async () => {
    redisServer = await startRedis();
    sandbox = await startSandbox(1000, clock.now);
    const port = await freePort();
    const env = { REDIS_URL: redisServer.url, PUBLIC_URL: `http://127.0.0.1:${port}`, WEBHOOK_SIGNING_KEY: 'k'.repeat(32) };
    a = await startGateway(sandbox.url, env, port);
    b = await startGateway(sandbox.url, env);
    const created = await gql(a.url, 'mutation { createMusic(input: { description: "a song" }) { id } }', {}, bearer);
    taskId = created.data!.createMusic.id;
    await redisServer.stop();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sandbox?.close();
  });

  it('a query, a new subscription (graphql-ws and SSE) and a webhook get STORE_UNAVAILABLE, not an unexpected error', async () => {
    const read = await gql(b.url, 'query($id: ID!) { task(id: $id) { id status } }', { id: taskId }, bearer);
    expect(codes(read)).toEqual(['STORE_UNAVAILABLE']);
    expect(read.errors![0]!.extensions!.retryAfterSeconds).toBe(2);
    for (const subscribe of [subscribeWs, subscribeSse]) {
      const sub = subscribe(b.url, taskId, keyA);
      try {
        await sub.until((s) => s.results.length > 0);
        expect(sub.statuses()).toEqual(['error:STORE_UNAVAILABLE']);
      } finally {
        await sub.close();
      }
    }
    const webhook = await fetch(`${b.url}/webhooks/aimusic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 200, task_id: taskId, data: [] }),
    });
    expect(webhook.status).toBe(503);
    expect(webhook.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${b.url}/health/live`)).status).toBe(200);
  });
});
