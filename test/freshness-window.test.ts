/**
 * The freshness window (TASK_READ_MAX_AGE_MS) and the per-caller limit on upstream reads
 * (UPSTREAM_READS_PER_MINUTE_PER_CALLER): a running task is read from the upstream at most once per window however many
 * ask, a webhook's newer state is served the moment it arrives, another tenant never gets a kept answer, and a caller
 * that would cause too many upstream reads gets RATE_LIMITED with retryAfterSeconds. The window in these tests is
 * 60 s, which no run outlasts, so nothing here depends on how fast the machine is; its expiry is checked with a clock
 * moved by hand.
 */
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/domain/task.js';
import { createSandbox, demoClip, type Sandbox } from '../src/sandbox/index.js';
import { FreshTasks } from '../src/tasks/fresh-cache.js';
import { codes, gql, keyA, keyB, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { freePort, subscribeSse, subscribeWs } from './support/live.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';
import { hsToken, testJwtSecret } from './support/tokens.js';
import { waitFor } from './support/wait.js';

const taskMs = 10_000;
const window = { TASK_READ_MAX_AGE_MS: '60000' };
const readTask = `query($id: ID!) { task(id: $id) { id status observedAt clips { id audioUrl } } }`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Upstream reads of one task the sandbox received. */
const readsOf = (sandbox: Sandbox, id: string) => sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${id}`)).length;

async function createSong(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await gql(url, `mutation { createMusic(input: { description: "a song to read often" }) { id } }`, {}, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.createMusic.id;
}

describe('the freshness window', () => {
  const clock = manualClock(Date.now());
  let sandbox: Sandbox;
  const gateways: TestGateway[] = [];
  const start = async (env: Record<string, string>, port = 0) => {
    const gw = await startGateway(sandbox.url, env, port);
    gateways.push(gw);
    return gw;
  };
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gw) => gw.close()));
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('reads of a running task within the window make one upstream read, concurrent ones included, and say how old they are', async () => {
    const gw = await start(window);
    const id = await createSong(gw.url);
    clock.advance(taskMs / 2); // RUNNING
    const first = await gql(gw.url, readTask, { id });
    expect(first.data?.task.status).toBe('RUNNING');
    expect(readsOf(sandbox, id)).toBe(1);
    const again = await Promise.all(Array.from({ length: 20 }, () => gql(gw.url, readTask, { id })));
    for (const res of again) expect(res.data?.task).toEqual(first.data?.task);
    expect(readsOf(sandbox, id)).toBe(1);
    // The same observation, whichever document asks: observedAt is the time of the one read.
    const other = await gql(gw.url, `query($ids: [ID!]!) { tasks(ids: $ids) { status observedAt } }`, { ids: [id] });
    expect(other.data?.tasks).toEqual([{ status: 'RUNNING', observedAt: first.data?.task.observedAt }]);
    expect(readsOf(sandbox, id)).toBe(1);

    // Several tasks read at once for the first time share nothing but still cost one read each.
    const more = await Promise.all([createSong(gw.url), createSong(gw.url)]);
    const both = `query($ids: [ID!]!) { tasks(ids: $ids) { id status } }`;
    await Promise.all(Array.from({ length: 10 }, () => gql(gw.url, both, { ids: more })));
    expect(more.map((m) => readsOf(sandbox, m))).toEqual([1, 1]);
  });

  it("a webhook's newer state is served at once, with no upstream read", async () => {
    const port = await freePort();
    const gw = await start({ ...window, POLL_INTERVAL_MS: '600000', PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
    const id = await createSong(gw.url);
    expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('PENDING');
    expect(readsOf(sandbox, id)).toBe(1);
    clock.advance(taskMs);
    await sandbox.webhooks.deliverDue();
    await waitFor(() => sandbox.webhooks.deliveries.some((d) => d.taskId === id && d.status === 200), 'the callback');
    const after = await gql(gw.url, readTask, { id });
    expect(after.data?.task.status).toBe('SUCCEEDED');
    expect(after.data?.task.clips).toHaveLength(2);
    expect(readsOf(sandbox, id)).toBe(1);
  });

  it('a whole answer made of a running task is given again without executing, until a newer observation replaces it', async () => {
    const port = await freePort();
    const gw = await start({ ...window, POLL_INTERVAL_MS: '600000', PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
    const id = await createSong(gw.url);
    clock.advance(taskMs / 2);
    const first = await gql(gw.url, readTask, { id });
    expect(first.data?.task.status).toBe('RUNNING');
    // Executions look the task up in the window; answers given again do not execute at all.
    const fresh = gw.services.fresh!;
    const get = fresh.get.bind(fresh);
    let executions = 0;
    fresh.get = (taskId, tenant) => (taskId === id && executions++, get(taskId, tenant));
    try {
      await waitFor(async () => {
        const before = executions;
        expect(await gql(gw.url, readTask, { id })).toEqual(first);
        return executions === before;
      }, 'the answer to be kept');
      clock.advance(taskMs / 2);
      await sandbox.webhooks.deliverDue();
      await waitFor(() => sandbox.webhooks.deliveries.some((d) => d.taskId === id && d.status === 200), 'the callback');
      expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('SUCCEEDED');
    } finally {
      fresh.get = get;
    }
    expect(readsOf(sandbox, id)).toBe(1);
  });

  it('another tenant never gets a kept observation: its own key reads for itself; with sign-in, NOT_FOUND with no read', async () => {
    const gw = await start(window);
    // A task made outside the gateway (straight at the upstream with key B) has no record: each key reads it for itself.
    const outside = await fetch(`${sandbox.url}/api/v1/sonic/stems/basic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyB}` },
      body: JSON.stringify({ clip_id: demoClip.id }),
    });
    const { task_id: unrecorded } = (await outside.json()) as { task_id: string };
    clock.advance(taskMs / 4);
    expect((await gql(gw.url, readTask, { id: unrecorded }, bearer(keyB))).data?.task.status).toBe('RUNNING');
    expect(readsOf(sandbox, unrecorded)).toBe(1);
    const byA = await gql(gw.url, readTask, { id: unrecorded }, bearer(keyA));
    expect(codes(byA)).toEqual(['NOT_FOUND']); // the sandbox's own answer to key A: key B's observation was not used
    expect(readsOf(sandbox, unrecorded)).toBe(2);

    const signIn = await start({ ...window, AUTH_JWT_SECRET: testJwtSecret });
    const alice = { authorization: `Bearer ${await hsToken('alice')}` };
    const bob = { authorization: `Bearer ${await hsToken('bob')}` };
    const id = await createSong(signIn.url, alice);
    expect((await gql(signIn.url, readTask, { id }, alice)).data?.task.status).toBe('PENDING');
    const reads = readsOf(sandbox, id);
    for (let i = 0; i < 2; i++) expect(codes(await gql(signIn.url, readTask, { id }, bob))).toEqual(['NOT_FOUND']);
    expect(readsOf(sandbox, id)).toBe(reads);
  });

  it("a watch's own polls are not answered from the window: a subscriber learns the end at the next poll", async () => {
    const gw = await start({ ...window, POLL_INTERVAL_MS: '50' });
    const id = await createSong(gw.url);
    clock.advance(taskMs / 2);
    expect((await gql(gw.url, readTask, { id })).data?.task.status).toBe('RUNNING'); // kept for the 60 s window
    const sub = subscribeWs(gw.url, id, keyA);
    try {
      await sub.until((s) => s.results.length >= 1);
      clock.advance(taskMs / 2);
      // No webhook here: only a poll can tell the subscriber, and a poll answered from the window would say RUNNING.
      await sub.until((s) => s.completed);
      expect(sub.statuses().at(-1)).toBe('SUCCEEDED');
    } finally {
      await sub.close();
    }
  });

  it('with the window off (0), every read of a running task reaches the upstream', async () => {
    const gw = await start({ TASK_READ_MAX_AGE_MS: '0' });
    const id = await createSong(gw.url);
    for (let i = 0; i < 3; i++) await gql(gw.url, readTask, { id });
    expect(readsOf(sandbox, id)).toBe(3);
  });
});

describe('upstream reads per caller', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  const clock = manualClock(Date.now());
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url, { UPSTREAM_READS_PER_MINUTE_PER_CALLER: '3', TASK_READ_MAX_AGE_MS: '0' });
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('a caller past its upstream reads gets RATE_LIMITED with retryAfterSeconds for the reads it would cause; others are not affected', async () => {
    const id = await createSong(gw.url, bearer(keyA));
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await gql(gw.url, readTask, { id }, bearer(keyA)));
    expect(results.slice(0, 3).map((r) => r.data?.task?.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    const refused = results[3]!;
    expect(refused.data?.task).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(readsOf(sandbox, id)).toBe(3); // the refused read was not sent

    // A subscription's first read is its caller's too: over SSE and graphql-ws it is refused the same way, unsent.
    for (const subscribe of [subscribeSse, subscribeWs]) {
      const sub = subscribe(gw.url, id, keyA);
      try {
        await sub.until((s) => s.results.length > 0);
        expect(sub.statuses()).toEqual(['error:RATE_LIMITED']);
        expect(sub.results[0]!.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      } finally {
        await sub.close();
      }
    }
    expect(readsOf(sandbox, id)).toBe(3);

    // A finished task the gateway keeps costs no upstream read, so it is still served.
    const other = await createSong(gw.url, bearer(keyB));
    clock.advance(taskMs);
    expect((await gql(gw.url, readTask, { id: other }, bearer(keyB))).data?.task.status).toBe('SUCCEEDED');
    // Another caller has its own bucket.
    expect(codes(await gql(gw.url, readTask, { id: other }, bearer(keyB)))).toEqual([]);
  });
});

describe('the freshness window across instances', requires(redis), () => {
  let redisServer: TestRedis;
  let sandbox: Sandbox;
  const clock = manualClock(Date.now());
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redisServer = await startRedis();
    // 150 ms per upstream answer, as across the internet: reads that start together overlap.
    sandbox = createSandbox({ taskMs, now: clock.now, latencyMs: 150 });
    await sandbox.listen(0);
    const env = { ...window, REDIS_URL: redisServer.url, POLL_INTERVAL_MS: '100' };
    for (let i = 0; i < 2; i++) gateways.push(await startGateway(sandbox.url, env));
  });
  afterAll(async () => {
    for (const gw of gateways) await gw.close();
    await sandbox.close();
    await redisServer.stop();
  });

  it("one instance's observation serves the other within the window", async () => {
    const [a, b] = gateways as [TestGateway, TestGateway];
    const id = await createSong(a.url);
    clock.advance(taskMs / 2);
    const first = await gql(a.url, readTask, { id });
    expect(first.data?.task.status).toBe('RUNNING');
    // Written to Redis after the answer: the other instance finds it once it is there.
    await waitFor(async () => (await a.services.redis!.commands.get(`aimusic:fresh:${id}`)) !== null, 'the shared observation');
    const second = await gql(b.url, readTask, { id });
    expect(second.data?.task).toEqual(first.data?.task);
    expect(readsOf(sandbox, id)).toBe(1);
  });

  it('reads that miss on both instances at once make one upstream read in all, and show one observation', async () => {
    const [a, b] = gateways as [TestGateway, TestGateway];
    const id = await createSong(a.url, bearer(keyA));
    clock.advance(taskMs / 2);
    const answers = await Promise.all(
      [a, b, a, b, a, b].map((gw) => gql(gw.url, readTask, { id }, bearer(keyA)).then((r) => r.data?.task)),
    );
    expect(readsOf(sandbox, id)).toBe(1);
    expect(new Set(answers.map((t) => JSON.stringify(t))).size).toBe(1);
    expect(answers[0]).toMatchObject({ id, status: 'RUNNING' });
  });

  it('a final state one instance observes is what the other serves from then on, not the running state it kept', async () => {
    const [a, b] = gateways as [TestGateway, TestGateway];
    const id = await createSong(a.url, bearer(keyA));
    clock.advance(taskMs / 2);
    expect((await gql(a.url, readTask, { id }, bearer(keyA))).data?.task.status).toBe('RUNNING');
    // B keeps the running state in memory for the window (60 s here).
    await waitFor(async () => (await gql(b.url, readTask, { id }, bearer(keyA))).data?.task.status === 'RUNNING', 'B to keep it');
    // A subscriber on A: its polls (every 100 ms, never from the window) see the task end.
    const sub = subscribeWs(a.url, id, keyA);
    try {
      clock.advance(taskMs);
      await sub.until((s) => s.completed);
    } finally {
      await sub.close();
    }
    expect(sub.statuses().at(-1)).toBe('SUCCEEDED');
    const reads = readsOf(sandbox, id);
    // B is told at once (well within its window), and answers from what it was told: no upstream read of its own.
    await waitFor(async () => (await gql(b.url, readTask, { id }, bearer(keyA))).data?.task.status === 'SUCCEEDED', 'B to serve SUCCEEDED');
    expect(readsOf(sandbox, id)).toBe(reads);
  });
});

describe('FreshTasks (a clock moved by hand)', () => {
  const running = (id: string, observedAt: number, status: Task['status'] = 'RUNNING'): Task => ({
    id,
    kind: 'CREATE_MUSIC',
    status,
    clips: [],
    error: null,
    observedAt: new Date(observedAt).toISOString(),
  });

  it('serves an observation until it is older than the window, to its tenant only; a newer one replaces it, an older one does not', () => {
    const clock = manualClock(Date.parse('2026-12-01T00:00:00Z'));
    const fresh = new FreshTasks({ maxAgeMs: 2000, now: clock.now, logger: pino({ level: 'silent' }) });
    fresh.put(running('t1', clock.now()), 'alice');
    expect(fresh.get('t1', 'alice')?.status).toBe('RUNNING');
    expect(fresh.get('t1', 'bob')).toBeUndefined();
    clock.advance(1000);
    fresh.put(running('t1', clock.now() - 1500), 'alice'); // a read that began before the kept one: ignored
    expect(fresh.get('t1', 'alice')?.observedAt).toBe(new Date(clock.now() - 1000).toISOString());
    fresh.put(running('t1', clock.now()), 'alice'); // a newer observation (a webhook, a poll)
    clock.advance(1500);
    expect(fresh.get('t1', 'alice')?.observedAt).toBe(new Date(clock.now() - 1500).toISOString());
    clock.advance(501);
    expect(fresh.get('t1', 'alice')).toBeUndefined(); // older than the window
    fresh.put(running('t2', clock.now()), 'alice');
    fresh.put(running('t2', clock.now(), 'SUCCEEDED'), 'alice'); // final: the finished-task cache takes it over
    expect(fresh.get('t2', 'alice')).toBeUndefined();
  });
});
