import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisPollLease } from '../src/live/lease.js';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { gql, keyA, keyB, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { freePort, sleep, subscribeSse, subscribeWs, type Subscriber } from './support/live.js';
import { waitFor } from './support/wait.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

const taskMs = 20_000;

describe('two gateway instances on one Redis', requires(redis), () => {
  const clock = manualClock(Date.now());
  let redis: TestRedis;
  let sandbox: Sandbox;
  let instances: TestGateway[] = [];
  const open: Subscriber[] = [];
  const track = (s: Subscriber) => (open.push(s), s);

  /** Instance A (which the upstream calls back) and instance B, sharing the Redis. */
  async function cluster(intervalMs: number): Promise<[TestGateway, TestGateway]> {
    // Any instance may receive any task's webhook: they derive its secret from the same key.
    const env = {
      REDIS_URL: redis.url,
      POLL_INTERVAL_MS: String(intervalMs),
      WEBHOOK_SIGNING_KEY: 'shared-webhook-key-of-the-cluster-0123',
    };
    const port = await freePort();
    const a = await startGateway(sandbox.url, { ...env, PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
    const b = await startGateway(sandbox.url, env);
    instances = [a, b];
    return [a, b];
  }
  const reads = (taskId: string) => sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${taskId}`)).length;
  async function createSong(gw: TestGateway): Promise<string> {
    const res = await gql(gw.url, `mutation { createMusic(input: { description: "a calm piano piece", model: SONIC_V4_5 }) { id } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.createMusic.id;
  }

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox(taskMs, clock.now);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await Promise.all(instances.map((gw) => gw.close()));
  });
  afterAll(async () => {
    await sandbox.close();
    await redis.stop();
  });

  it('a poll lease has one holder at a time, is extended only by it and freed only by it', async () => {
    const connection = new Redis(redis.url);
    try {
      const [first, second] = [new RedisPollLease(connection, 10_000, 'instance-1'), new RedisPollLease(connection, 10_000, 'instance-2')];
      expect(await first.hold('t')).toEqual({ held: true });
      const refused = await second.hold('t');
      // Refused with the time left on the holder's lease, for the other instance to ask again then.
      expect(refused).toMatchObject({ held: false });
      expect(!refused.held && refused.retryInMs > 0 && refused.retryInMs <= 10_000).toBe(true);
      expect(await first.hold('t')).toEqual({ held: true });
      await second.release('t');
      expect((await second.hold('t')).held).toBe(false);
      await first.release('t');
      expect(await second.hold('t')).toEqual({ held: true });
      await second.release('t');
    } finally {
      await connection.quit();
    }
  });

  it('a held lease is renewed by its holder while it lives, and runs out when the holder is gone', async () => {
    const [own, other] = [new Redis(redis.url), new Redis(redis.url)];
    try {
      const holder = new RedisPollLease(own, 300, 'holder');
      const standby = new RedisPollLease(other, 300, 'standby');
      expect(await holder.hold('renewed')).toEqual({ held: true });
      // Renewed on the holder's own timer, with no further hold: its time left goes back up, again and again.
      let rises = 0;
      let last = await other.pttl('aimusic:poll-lease:renewed');
      await waitFor(async () => {
        const left = await other.pttl('aimusic:poll-lease:renewed');
        if (left > last) rises++;
        last = left;
        return rises >= 3;
      }, 'three renewals');
      expect(await other.get('aimusic:poll-lease:renewed')).toBe('holder');
      // The holder is gone (its connection cut, as a kill -9 cuts it): the standby gets the lease once it runs out.
      own.disconnect();
      await waitFor(async () => (await standby.hold('renewed')).held, 'the standby to take the lease');
      await standby.release('renewed');
    } finally {
      own.disconnect();
      await other.quit();
    }
  });

  it('a task created on A is known on B: key B gets NOT_FOUND there without an upstream call, key A is served', async () => {
    const [a, b] = await cluster(60_000);
    const id = await createSong(a);
    const before = sandbox.calls.length;
    const denied = track(subscribeWs(b.url, id, keyB));
    await denied.until((s) => s.completed);
    expect(denied.results[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(sandbox.calls.length).toBe(before);

    const allowed = track(subscribeSse(b.url, id, keyA));
    await allowed.until((s) => s.results.length === 1);
    expect(allowed.results[0]!.data!.taskUpdated).toMatchObject({ id, kind: 'CREATE_MUSIC', status: 'PENDING' });
  });

  it("the upstream's callback reaches A, and B's subscriber gets the result at once", async () => {
    const [a, b] = await cluster(60_000); // no polling during the test: only the webhook can tell B
    const id = await createSong(a);
    const sub = track(subscribeWs(b.url, id, keyA));
    await sub.until((s) => s.results.length === 1);
    expect(a.services.live.watched).toBe(0);
    clock.advance(taskMs);
    await sandbox.webhooks.deliverDue();
    await waitFor(() => sandbox.webhooks.deliveries.some((d) => d.taskId === id), 'the callback');
    expect(sandbox.webhooks.deliveries.find((d) => d.taskId === id)).toMatchObject({
      url: expect.stringMatching(new RegExp(`^${a.url}/webhooks/aimusic/[\\w-]+$`)),
      status: 200,
    });
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'SUCCEEDED']);
    expect(reads(id)).toBe(1);
  });

  it('with subscribers on both, one instance polls the task (one read per interval cluster-wide), and the other takes over', async () => {
    const intervalMs = 25;
    const [a, b] = await cluster(intervalMs);
    const res = await gql(a.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id });
    const id = res.data!.splitStemsBasic.id as string;
    const started = performance.now();
    const onA = [track(subscribeWs(a.url, id, keyA)), track(subscribeSse(a.url, id, keyA))];
    const onB = [track(subscribeWs(b.url, id, keyA)), track(subscribeSse(b.url, id, keyA))];
    await Promise.all([...onA, ...onB].map((s) => s.until((x) => x.results.length === 1)));
    expect([a.services.live.watched, b.services.live.watched]).toEqual([1, 1]);
    await waitFor(() => reads(id) >= 12, 'twelve reads');
    // One admission read per instance, then at most one poll per interval in the whole cluster.
    expect(reads(id)).toBeLessThanOrEqual(2 + Math.floor((performance.now() - started) / intervalMs) + 1);

    // Every subscriber on both instances sees the change, whichever instance read it.
    clock.advance(taskMs / 2);
    await Promise.all([...onA, ...onB].map((s) => s.until((x) => x.results.length === 2)));

    // A's subscribers leave; B still gets polled states (B holds the lease or takes it over).
    await Promise.all(onA.map((s) => s.close()));
    await waitFor(() => a.services.live.watched === 0, 'A to stop watching');
    const before = reads(id);
    await waitFor(() => reads(id) >= before + 3, 'B to keep polling');
    clock.advance(taskMs / 2);
    await Promise.all(onB.map((s) => s.until((x) => x.completed)));
    for (const s of onB) expect(s.statuses()).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    await waitFor(() => b.services.live.watched === 0, 'B to stop watching');
    const final = reads(id);
    await sleep(intervalMs * 5);
    expect(reads(id)).toBe(final);
  });
});
