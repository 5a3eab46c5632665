/**
 * The finished-task cache: a task read SUCCEEDED or FAILED (by a query, a poll or a webhook) is served afterwards by
 * `task`, `tasks` and `taskUpdated` with no upstream call, to its own tenant only; running tasks are always read;
 * entries expire and stay within their byte budget; Redis shares them between instances.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookPath } from '../src/submit/webhook-request.js';
import { FinishedTasks } from '../src/tasks/finished-cache.js';
import type { Task } from '../src/domain/task.js';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { gql, keyA, keyB, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { freePort, subscribeSse, subscribeWs, type Subscriber } from './support/live.js';
import { waitFor } from './support/wait.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

const taskMs = 1_000;
const readTask = `query($id: ID!) { task(id: $id) { id kind status observedAt clips { id audioUrl } } }`;
const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Upstream reads of one task the sandbox received, optionally only those made with `key`. */
const readsOf = (sandbox: Sandbox, id: string, key?: string) =>
  sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${id}`) && (!key || c.apiKey === key)).length;

async function splitTask(url: string, key = keyA): Promise<string> {
  const res = await gql(url, split, { c: demoClip.id }, bearer(key));
  expect(res.errors).toBeUndefined();
  return res.data!.splitStemsBasic.id;
}

describe('finished tasks are served from the cache', () => {
  const clock = manualClock(Date.now());
  let sandbox: Sandbox;
  let gw: TestGateway;
  const open: Subscriber[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: '20' });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('after one read of a finished task, task, tasks and taskUpdated (graphql-ws and SSE) make no upstream call', async () => {
    const id = await splitTask(gw.url);
    clock.advance(taskMs);
    const first = await gql(gw.url, readTask, { id });
    expect(first.data?.task).toMatchObject({ id, kind: 'STEMS_BASIC', status: 'SUCCEEDED' });
    expect(first.data?.task.clips).toHaveLength(2);
    expect(readsOf(sandbox, id)).toBe(1);

    for (let i = 0; i < 3; i++) expect((await gql(gw.url, readTask, { id })).data?.task).toEqual(first.data?.task);
    const many = await gql(gw.url, `query($ids: [ID!]!) { tasks(ids: $ids) { id status clips { id } } }`, { ids: [id, id] });
    expect(many.errors).toBeUndefined();
    expect(many.data?.tasks.map((t: { status: string }) => t.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    for (const sub of [subscribeWs(gw.url, id, keyA), subscribeSse(gw.url, id, keyA)]) {
      open.push(sub);
      await sub.until((s) => s.completed);
      expect(sub.statuses()).toEqual(['SUCCEEDED']);
      expect(sub.results[0]!.data!.taskUpdated.clips).toHaveLength(2);
    }
    expect(readsOf(sandbox, id)).toBe(1);
  });

  it('a whole answer made of finished tasks is given again to its own caller without executing; another key gets NOT_FOUND', async () => {
    const id = await splitTask(gw.url);
    clock.advance(taskMs);
    const query = `query($id: ID!) { task(id: $id) { id status stems { kind clip { audioUrl } } } }`;
    const first = await gql(gw.url, query, { id });
    expect(first.data?.task.status).toBe('SUCCEEDED');
    // Executions read the finished-task cache; answers given again do not execute at all.
    const finished = gw.services.finished!;
    const get = finished.get.bind(finished);
    let executions = 0;
    finished.get = (taskId, tenant) => (taskId === id && executions++, get(taskId, tenant));
    try {
      await new Promise((r) => setTimeout(r, 10)); // the answer is kept just after it is sent
      for (let i = 0; i < 3; i++) expect(await gql(gw.url, query, { id })).toEqual(first);
      expect(executions).toBe(0);
      const other = await gql(gw.url, query, { id }, bearer(keyB));
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // Another document, or the same with other variables, is executed (from the finished-task cache).
      expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('SUCCEEDED');
      expect(executions).toBeGreaterThan(0);
    } finally {
      finished.get = get;
    }
    expect(readsOf(sandbox, id)).toBe(1);
  });

  it('an answer that read a running task is not kept: the next one executes and reads again', async () => {
    const id = await splitTask(gw.url);
    clock.advance(taskMs / 2);
    const query = `query($id: ID!) { task(id: $id) { id status } }`;
    expect((await gql(gw.url, query, { id })).data?.task.status).toBe('RUNNING');
    clock.advance(taskMs / 2);
    await new Promise((r) => setTimeout(r, 10));
    expect((await gql(gw.url, query, { id })).data?.task.status).toBe('SUCCEEDED');
    expect(readsOf(sandbox, id)).toBe(2);
  });

  it('keeps the time of the read that found the task finished as its observedAt', async () => {
    const id = await splitTask(gw.url);
    clock.advance(taskMs);
    const first = (await gql(gw.url, readTask, { id })).data!.task;
    await new Promise((r) => setTimeout(r, 20));
    expect((await gql(gw.url, readTask, { id })).data!.task.observedAt).toBe(first.observedAt);
  });

  it('never keeps a running task: every read of it reaches the upstream', async () => {
    const id = await splitTask(gw.url);
    clock.advance(taskMs / 2);
    for (let i = 0; i < 3; i++) expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('RUNNING');
    expect(readsOf(sandbox, id)).toBe(3);
  });

  it('a poll that sees the task finish fills the cache for later queries', async () => {
    const id = await splitTask(gw.url);
    const sub = subscribeWs(gw.url, id, keyA);
    open.push(sub);
    await sub.until((s) => s.results.length === 1);
    clock.advance(taskMs);
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'SUCCEEDED']);
    const reads = readsOf(sandbox, id);
    expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('SUCCEEDED');
    expect(readsOf(sandbox, id)).toBe(reads);
  });

  it('another key gets NOT_FOUND for a task the gateway submitted, cached or not, with no upstream call', async () => {
    const id = await splitTask(gw.url, keyA);
    clock.advance(taskMs);
    expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('SUCCEEDED');
    const other = await gql(gw.url, readTask, { id }, bearer(keyB));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data?.task).toBeNull();
    const sub = subscribeWs(gw.url, id, keyB);
    open.push(sub);
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['error:NOT_FOUND']);
    expect(readsOf(sandbox, id, keyB)).toBe(0);
  });

  it('a task the registry does not know is kept only for the tenant whose key read it', async () => {
    // Submitted at the upstream directly, with key A: the gateway has no record of it.
    const res = await fetch(`${sandbox.url}/api/v1/sonic/stems/basic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(keyA) },
      body: JSON.stringify({ clip_id: demoClip.id }),
    });
    const id = ((await res.json()) as { task_id: string }).task_id;
    clock.advance(taskMs);
    expect((await gql(gw.url, readTask, { id }, bearer(keyA))).data?.task).toMatchObject({ kind: 'UNKNOWN', status: 'SUCCEEDED' });
    expect((await gql(gw.url, readTask, { id }, bearer(keyA))).data?.task.status).toBe('SUCCEEDED');
    expect(readsOf(sandbox, id, keyA)).toBe(1);
    // Key B is not served A's copy: the gateway asks the upstream with B's own key, which does not own the task.
    const other = await gql(gw.url, readTask, { id }, bearer(keyB));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(readsOf(sandbox, id, keyB)).toBeGreaterThan(0);
  });
});

describe('a final webhook fills the cache', () => {
  it('a task finished by a verified webhook is then read with no upstream call', async () => {
    const clock = manualClock(Date.now());
    const sandbox = await startSandbox(taskMs, clock.now);
    const port = await freePort();
    const gw = await startGateway(sandbox.url, { PUBLIC_URL: `http://127.0.0.1:${port}`, POLL_INTERVAL_MS: '60000' }, port);
    try {
      const created = await gql(gw.url, `mutation { createMusic(input: { description: "a short waltz" }) { id } }`);
      const id = created.data!.createMusic.id as string;
      clock.advance(taskMs);
      await sandbox.webhooks.deliverDue();
      await waitFor(() => sandbox.webhooks.deliveries.some((d) => d.taskId === id && d.status === 200), 'the callback');
      expect(sandbox.webhooks.deliveries.find((d) => d.taskId === id)?.url).toMatch(new RegExp(`^http://127.0.0.1:${port}${webhookPath}/`));
      const res = await gql(gw.url, readTask, { id });
      expect(res.data?.task).toMatchObject({ id, kind: 'CREATE_MUSIC', status: 'SUCCEEDED' });
      expect(res.data?.task.clips).toHaveLength(2);
      expect(readsOf(sandbox, id)).toBe(0);
    } finally {
      await gw.close();
      await sandbox.close();
    }
  });
});

const finishedTask = (id: string, title = 'x'.repeat(500)): Task => ({
  id,
  kind: 'STEMS_BASIC',
  status: 'SUCCEEDED',
  error: null,
  clips: [
    {
      id: `${id}-c1`,
      status: 'SUCCEEDED',
      title,
      tags: null,
      lyrics: null,
      description: null,
      audioUrl: `https://cdn.example/${id}.mp3`,
      wavUrl: null,
      imageUrl: null,
      videoUrl: null,
      duration: 12.5,
      model: null,
      createdAt: null,
      error: null,
    },
  ],
});

describe('FinishedTasks: age and byte budget', () => {
  it('serves an entry until FINISHED_TASK_CACHE_TTL_MS has passed since it was kept, then reads again', () => {
    const clock = manualClock();
    const cache = new FinishedTasks({ maxBytes: 1 << 20, ttlMs: 60_000, now: clock.now });
    cache.put(finishedTask('t1'), 'tenant-a');
    expect(cache.get('t1', 'tenant-a')?.clips[0]?.audioUrl).toBe('https://cdn.example/t1.mp3');
    expect(cache.get('t1', 'tenant-b')).toBeUndefined();
    clock.advance(59_999);
    expect(cache.get('t1', 'tenant-a')).toBeDefined();
    clock.advance(2);
    expect(cache.get('t1', 'tenant-a')).toBeUndefined();
  });

  it('keeps only finished tasks', () => {
    const cache = new FinishedTasks({ maxBytes: 1 << 20, ttlMs: 60_000 });
    for (const status of ['PENDING', 'RUNNING'] as const) cache.put({ ...finishedTask(status), status }, 'tenant-a');
    cache.put({ ...finishedTask('failed'), status: 'FAILED', error: 'boom' }, 'tenant-a');
    expect(cache.get('PENDING', 'tenant-a')).toBeUndefined();
    expect(cache.get('RUNNING', 'tenant-a')).toBeUndefined();
    expect(cache.get('failed', 'tenant-a')?.error).toBe('boom');
  });

  it('stays within its byte budget: the least recently used tasks go first, and a task larger than it is not kept', () => {
    const maxBytes = 4_000; // room for a few tasks of a little over 500 bytes of JSON each
    const cache = new FinishedTasks({ maxBytes, ttlMs: 60_000 });
    for (let i = 0; i < 20; i++) {
      cache.put(finishedTask(`t${i}`), 'tenant-a');
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(cache.bytes).toBeGreaterThan(maxBytes / 2);
    expect(cache.get('t0', 'tenant-a')).toBeUndefined();
    expect(cache.get('t19', 'tenant-a')).toBeDefined();
    const kept = Array.from({ length: 20 }, (_, i) => cache.get(`t${i}`, 'tenant-a')).filter(Boolean).length;
    expect(kept).toBeGreaterThan(2);
    expect(kept).toBeLessThan(8);
    cache.put(finishedTask('huge', 'y'.repeat(maxBytes)), 'tenant-a');
    expect(cache.get('huge', 'tenant-a')).toBeUndefined();
    expect(cache.get('t19', 'tenant-a')).toBeDefined();
  });

  it('FINISHED_TASK_CACHE_MB=0 turns it off: every read reaches the upstream', async () => {
    const clock = manualClock(Date.now());
    const sandbox = await startSandbox(taskMs, clock.now);
    const gw = await startGateway(sandbox.url, { FINISHED_TASK_CACHE_MB: '0' });
    try {
      expect(gw.services.finished).toBeUndefined();
      const id = await splitTask(gw.url);
      clock.advance(taskMs);
      for (let i = 0; i < 2; i++) expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('SUCCEEDED');
      expect(readsOf(sandbox, id)).toBe(2);
    } finally {
      await gw.close();
      await sandbox.close();
    }
  });
});

describe('the Redis second level, shared by two instances', requires(redis), () => {
  const clock = manualClock(Date.now());
  let redis: TestRedis;
  let sandbox: Sandbox;
  let one: TestGateway;
  let two: TestGateway;
  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox(taskMs, clock.now);
    one = await startGateway(sandbox.url, { REDIS_URL: redis.url, FINISHED_TASK_CACHE_TTL_MS: '600000' });
    two = await startGateway(sandbox.url, { REDIS_URL: redis.url, FINISHED_TASK_CACHE_TTL_MS: '600000' });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await sandbox?.close();
    await redis?.stop();
  });

  it('a task one instance read finished is served by the other with no upstream call, to its owner only', async () => {
    const id = await splitTask(one.url);
    clock.advance(taskMs);
    const first = await gql(one.url, readTask, { id });
    expect(first.data?.task.status).toBe('SUCCEEDED');
    expect(readsOf(sandbox, id)).toBe(1);
    // The shared copy is written without holding up the read: wait until Redis has it.
    const key = `aimusic:finished:${id}`;
    for (let i = 0; i < 100 && !(await one.services.redis!.commands.exists(key)); i++) await new Promise((r) => setTimeout(r, 10));
    const onTwo = await gql(two.url, readTask, { id });
    expect(onTwo.data?.task).toEqual(first.data?.task);
    expect((await gql(two.url, readTask, { id })).data?.task).toEqual(first.data?.task);
    expect(readsOf(sandbox, id)).toBe(1);

    const other = await gql(two.url, readTask, { id }, bearer(keyB));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(readsOf(sandbox, id)).toBe(1);
    const ttl = await two.services.redis!.commands.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });
});
