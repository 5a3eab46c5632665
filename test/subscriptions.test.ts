import { createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { gql, json, keyA, keyB, manualClock, startFakeUpstream, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { sleep, subscribeSse, subscribeWs, type Subscriber } from './support/live.js';
import { waitFor } from './support/wait.js';

const taskMs = 20_000;
const intervalMs = 25;
const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;

describe('Subscription.taskUpdated on one instance', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let gw: TestGateway;
  const open: Subscriber[] = [];
  const track = (s: Subscriber) => (open.push(s), s);

  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: String(intervalMs) });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  async function newTask(key = keyA, clipId = demoClip.id): Promise<string> {
    const res = await gql(gw.url, split, { c: clipId }, { authorization: `Bearer ${key}` });
    expect(res.errors).toBeUndefined();
    return res.data!.splitStemsBasic.id;
  }
  const polls = (taskId: string) => sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${taskId}`)).length;

  for (const [transport, subscribe] of [
    ['graphql-ws', subscribeWs],
    ['SSE', subscribeSse],
  ] as const) {
    it(`${transport}: PENDING at once, then RUNNING, then SUCCEEDED with clips, then completion`, async () => {
      const id = await newTask();
      const sub = track(subscribe(gw.url, id, keyA));
      await sub.until((s) => s.results.length === 1);
      expect(sub.statuses()).toEqual(['PENDING']);
      expect(sub.results[0]!.data!.taskUpdated).toMatchObject({ id, kind: 'STEMS_BASIC' });
      expect(sub.results[0]!.data!.taskUpdated.clips.map((c: { status: string }) => c.status)).toEqual(['PENDING', 'PENDING']);

      clock.advance(taskMs / 2);
      await sub.until((s) => s.results.length === 2);
      clock.advance(taskMs / 2);
      await sub.until((s) => s.completed);

      expect(sub.statuses()).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
      const done = sub.results[2]!.data!.taskUpdated;
      expect(done.clips).toHaveLength(2);
      expect(done.clips.every((c: { audioUrl: string | null }) => c.audioUrl?.endsWith('.wav'))).toBe(true);
      expect(Date.parse(done.observedAt)).toBeGreaterThan(0);
      expect(sub.results.every((r) => r.errors === undefined)).toBe(true);
      // Final: the watch is over and nothing polls the task any more.
      const after = polls(id);
      await sleep(intervalMs * 4);
      expect(polls(id)).toBe(after);
      expect(gw.services.live.watched).toBe(0);
    });
  }

  it('a task that fails ends with FAILED and its error, then completes', async () => {
    const res = await gql(gw.url, `mutation { createMusic(input: { description: "sandbox:fail please", model: SONIC_V4_5 }) { id } }`);
    const id = res.data!.createMusic.id;
    const sub = track(subscribeWs(gw.url, id, keyA));
    await sub.until((s) => s.results.length === 1);
    clock.advance(taskMs);
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'FAILED']);
    expect(sub.results[1]!.data!.taskUpdated.error).toMatch(/sandbox:fail/);
  });

  it('50 subscribers of one task cost the upstream one read per interval, not 50', async () => {
    const id = await newTask();
    const started = performance.now();
    const subs = Array.from({ length: 50 }, (_, i) => track((i % 2 ? subscribeSse : subscribeWs)(gw.url, id, keyA)));
    await Promise.all(subs.map((s) => s.until((x) => x.results.length === 1)));
    await waitFor(() => polls(id) >= 8, 'eight reads');
    await sleep(intervalMs * 4);
    // One read admits the tenant (all 50 share it), then one poll per interval at most.
    const reads = polls(id);
    expect(reads).toBeLessThanOrEqual(1 + Math.floor((performance.now() - started) / intervalMs) + 1);
    expect(reads).toBeGreaterThanOrEqual(8);

    clock.advance(taskMs);
    await Promise.all(subs.map((s) => s.until((x) => x.completed)));
    for (const s of subs) expect(s.statuses()).toEqual(['PENDING', 'SUCCEEDED']);
  });

  it('graphql-ws: identical subscriptions share one execution; a late one starts from the current state', async () => {
    const metric = async (name: string) => {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const executions = () => metric('aimusic_graphql_requests_total{operation="subscription"}');
    // Every subscriber counts as open, whether it has an execution of its own or joined one.
    const open = () => metric('aimusic_graphql_active_subscriptions');
    const id = await newTask();
    const before = await executions();
    const [a, b] = [track(subscribeWs(gw.url, id, keyA)), track(subscribeWs(gw.url, id, keyA))];
    await Promise.all([a, b].map((s) => s.until((x) => x.results.length === 1)));
    expect(await executions()).toBe(before + 1);

    // Another key is not another subscriber of the same stream: it is refused as before.
    const intruder = track(subscribeWs(gw.url, id, keyB));
    await intruder.until((s) => s.completed);
    expect(intruder.results[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Another document is executed on its own.
    const titles = track(subscribeWs(gw.url, id, keyA, `subscription($id: ID!) { taskUpdated(taskId: $id) { status clips { title } } }`));
    await titles.until((s) => s.results.length === 1);
    expect(titles.results[0]!.data!.taskUpdated.clips[0]).toEqual({ title: expect.any(String) });
    expect(await executions()).toBe(before + 3);
    expect(await open()).toBe(3);

    clock.advance(taskMs / 2);
    await Promise.all([a, b].map((s) => s.until((x) => x.results.length === 2)));
    const late = track(subscribeWs(gw.url, id, keyA));
    await late.until((s) => s.results.length === 1);
    expect(late.statuses()).toEqual(['RUNNING']);
    expect(late.results[0]).toEqual(a.results[1]);
    expect(await executions()).toBe(before + 3);
    expect(await open()).toBe(4);

    await a.close();
    await expect.poll(open).toBe(3);
    clock.advance(taskMs / 2);
    await Promise.all([b, late, titles].map((s) => s.until((x) => x.completed)));
    expect(b.statuses()).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expect(late.statuses()).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(titles.statuses()).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expect(gw.services.live.watched).toBe(0);
    await expect.poll(open).toBe(0);
  });

  it("graphql-ws: the key may come in the upgrade request's Authorization header instead", async () => {
    const id = await newTask(keyA);
    const statusFor = async (key: string) => {
      const withHeader = class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { authorization: `Bearer ${key}` } });
        }
      };
      const client = createClient({ url: `${gw.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: withHeader, retryAttempts: 0 });
      try {
        const first = await client
          .iterate({ query: `subscription($id: ID!) { taskUpdated(taskId: $id) { status } }`, variables: { id } })
          .next();
        return first.value as { data?: { taskUpdated: { status: string } }; errors?: { extensions?: { code?: string } }[] };
      } finally {
        await client.dispose();
      }
    };
    expect((await statusFor(keyA)).data?.taskUpdated.status).toBe('PENDING');
    expect((await statusFor(keyB)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the watch stops when the last subscriber leaves', async () => {
    const id = await newTask();
    const subs = [track(subscribeWs(gw.url, id, keyA)), track(subscribeSse(gw.url, id, keyA))];
    await Promise.all(subs.map((s) => s.until((x) => x.results.length === 1)));
    const start = polls(id);
    await waitFor(() => polls(id) > start + 1, 'polls while watched');
    await subs[0]!.close();
    const one = polls(id);
    await waitFor(() => polls(id) > one, 'polls with one subscriber left');
    await subs[1]!.close();
    await waitFor(() => gw.services.live.watched === 0, 'the feed to close');
    // A read already on its way when the feed closed may still land; after that, nothing more.
    await sleep(intervalMs * 2);
    const stopped = polls(id);
    await sleep(intervalMs * 5);
    expect(polls(id)).toBe(stopped);
  });

  it("key B cannot subscribe to key A's task: NOT_FOUND before any watch or upstream read", async () => {
    const id = await newTask(keyA);
    const before = sandbox.calls.length;
    for (const subscribe of [subscribeWs, subscribeSse]) {
      const sub = track(subscribe(gw.url, id, keyB));
      await sub.until((s) => s.completed);
      expect(sub.results).toHaveLength(1);
      expect(sub.results[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(sandbox.calls.length).toBe(before);
    expect(gw.services.live.watched).toBe(0);
  });

  it('a task the registry does not know is checked with the subscriber key: the upstream says NOT_FOUND', async () => {
    // Created directly at the sandbox with key A, so the gateway never saw it.
    const res = await fetch(`${sandbox.url}/api/v1/sonic/stems/basic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clip_id: demoClip.id }),
    });
    const { task_id: id } = (await res.json()) as { task_id: string };
    const denied = track(subscribeWs(gw.url, id, keyB));
    await denied.until((s) => s.completed);
    expect(denied.results[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const allowed = track(subscribeWs(gw.url, id, keyA));
    await allowed.until((s) => s.results.length === 1);
    expect(allowed.results[0]!.data!.taskUpdated).toMatchObject({ id, status: 'PENDING', kind: 'UNKNOWN' });
  });

  it('over graphql-ws, a variable that does not fit its type is BAD_USER_INPUT (as over HTTP), with no HTTP details', async () => {
    const client = createClient({
      url: `${gw.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${keyA}` },
      retryAttempts: 0,
    });
    try {
      for (const query of [`query($x: ID!) { task(id: $x) { id } }`, `subscription($x: ID!) { taskUpdated(taskId: $x) { id } }`]) {
        const first = (await client.iterate({ query, variables: { x: { a: 1 } } }).next()).value as {
          errors?: { message: string; extensions?: Record<string, unknown> }[];
        };
        expect(first.errors?.[0]?.message, query).toMatch(/^Variable "\$x" got invalid value/);
        expect(first.errors?.[0]?.extensions, query).toEqual({ code: 'BAD_USER_INPUT' });
      }
    } finally {
      await client.dispose();
    }
  });

  it('bad input and a missing key are refused before anything starts', async () => {
    const bad = track(subscribeWs(gw.url, '../etc/passwd', keyA));
    await bad.until((s) => s.completed);
    expect(bad.results[0]!.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taskId' });

    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Token nope' },
      body: JSON.stringify({ query: `subscription { taskUpdated(taskId: "abc") { id } }` }),
    });
    expect(await res.text()).toContain('UNAUTHENTICATED');
  });
});

describe('Subscription.taskUpdated when the upstream keeps failing', () => {
  it('backs off, then sends the error as the last event and completes; the process keeps serving', async () => {
    let reads = 0;
    const upstream = await startFakeUpstream((req, res) => {
      if (req.method === 'GET' && ++reads > 1) return json(res, 503, { message: 'Service Unavailable' });
      json(res, 200, { code: 200, message: 'success', data: [{ clip_id: 'c1', state: 'pending', title: 'Song' }] });
    });
    // One attempt per read and no circuit breaker: this counts the watcher's own reads.
    const gw = await startGateway(upstream.url, { POLL_INTERVAL_MS: '5', UPSTREAM_READ_ATTEMPTS: '1', BREAKER_FAILURE_THRESHOLD: '1000' });
    try {
      for (const subscribe of [subscribeWs, subscribeSse]) {
        reads = 0;
        const sub = subscribe(gw.url, 'task-that-fails', keyA);
        await sub.until((s) => s.completed);
        expect(sub.statuses()).toEqual(['PENDING', 'error:UPSTREAM_UNAVAILABLE']);
        expect(sub.results[1]!.errors![0]!.message).toMatch(/after 8 failed reads/);
        expect(reads).toBe(1 + 8);
        await sub.close();
      }
      expect(gw.services.live.watched).toBe(0);
      expect((await gql(gw.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await gw.close();
      await upstream.close();
    }
  });
});
