/**
 * Submit pacing (UPSTREAM_SUBMITS_PER_MINUTE): paid POSTs per upstream key go out one interval apart, in arrival
 * order, in one queue for the whole cluster with Redis; a POST that would wait longer than
 * UPSTREAM_SUBMIT_MAX_WAIT_MS is refused at once with RATE_LIMITED and is never sent. Reads are not paced.
 * Spacing is checked only from below: the k-th POST of a burst arrives no sooner than k intervals after the burst
 * began (a busy machine can make that later, never sooner).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSlots, SubmitPacer } from '../src/upstream/pacing.js';
import { codes, gql, json, keyB, manualClock, startFakeUpstream, startGateway, type TestGateway } from './support/helpers.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

const split = (clip: number, key?: string) =>
  `mutation { splitStemsFull(clipId: "5a4d8b0c-0000-4000-8000-00000000000${clip}"${key ? `, idempotencyKey: "${key}"` : ''}) { id } }`;

/** An upstream that answers every POST with a new task and records when each arrived. */
async function recordingUpstream() {
  const arrivals: { at: number; clip: string }[] = [];
  const fake = await startFakeUpstream((req, res, body) => {
    if (req.method === 'POST') arrivals.push({ at: Date.now(), clip: (JSON.parse(body) as { clip_id: string }).clip_id });
    if (req.method === 'GET' && req.url?.includes('get-credits')) return json(res, 200, { credits: 10, extra_credits: 0 });
    if (req.method === 'GET') return json(res, 200, { code: 200, message: 'success', data: [] });
    json(res, 200, { message: 'success', task_id: randomUUID() });
  });
  return { fake, arrivals };
}

describe('send slots', () => {
  it('are one interval apart per key, and a slot beyond the longest wait is refused without being taken', async () => {
    const clock = manualClock();
    const slots = localSlots(clock.now);
    expect(await slots.take('k', 1000, 1500)).toBe(0);
    expect(await slots.take('k', 1000, 1500)).toBe(1000);
    expect(await slots.take('k', 1000, 1500)).toBe(-2000);
    expect(await slots.take('other', 1000, 1500)).toBe(0);
    clock.advance(600);
    expect(await slots.take('k', 1000, 1500)).toBe(1400);
    clock.advance(5000);
    expect(await slots.take('k', 1000, 1500)).toBe(0);
  });

  it('a queue of waiters is served in arrival order', async () => {
    const pacer = new SubmitPacer(1200, 5_000, localSlots()); // 50 ms apart
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => pacer.wait('one-key').then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a shared clock that fails (Redis gone) refuses with STORE_UNAVAILABLE, which says nothing was sent', async () => {
    const pacer = new SubmitPacer(60, 5_000, { take: () => Promise.reject(new Error('Connection is closed.')) });
    const refusal = await pacer.wait('one-key').catch((err: unknown) => err);
    expect(refusal).toMatchObject({ extensions: { code: 'STORE_UNAVAILABLE', retryAfterSeconds: 2 } });
    expect((refusal as Error).message).toMatch(/Nothing was sent upstream/);
  });
});

describe('paid POSTs through the gateway, paced', () => {
  let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    upstream = await recordingUpstream();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await upstream.fake.close();
  });
  const gateway = async (env: Record<string, string>) => {
    const gw = await startGateway(upstream.fake.url, env);
    gateways.push(gw);
    return gw;
  };

  it('go out one interval apart; none is refused while the queue is within the longest wait', async () => {
    const gw = await gateway({ UPSTREAM_SUBMITS_PER_MINUTE: '600', UPSTREAM_SUBMIT_MAX_WAIT_MS: '5000' });
    const first = upstream.arrivals.length;
    const began = Date.now();
    const results = await Promise.all([1, 2, 3, 4].map((clip) => gql(gw.url, split(clip))));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const times = upstream.arrivals.slice(first).map((a) => a.at);
    expect(times).toHaveLength(4);
    times.forEach((at, k) => expect(at - began).toBeGreaterThanOrEqual(k * 100 - 3));
  });

  it('beyond the longest wait: RATE_LIMITED with retryAfterSeconds, nothing sent, the key free for a retry; reads are not paced', async () => {
    const gw = await gateway({ UPSTREAM_SUBMITS_PER_MINUTE: '2', UPSTREAM_SUBMIT_MAX_WAIT_MS: '1000' });
    const first = upstream.arrivals.length;
    const key = randomUUID();
    expect((await gql(gw.url, split(1))).errors).toBeUndefined();
    const refused = await gql(gw.url, split(2, key));
    // The next slot is 30 s after the first POST; after a wait of at most 1 s, a retry in about 29 s gets it.
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(20);
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(29);
    expect(refused.errors?.[0]?.message).toMatch(/Nothing was sent/);
    expect(upstream.arrivals.length - first).toBe(1);
    // Another upstream key has a queue of its own.
    expect((await gql(gw.url, split(3), {}, { authorization: `Bearer ${keyB}` })).errors).toBeUndefined();
    // Reads and free queries do not wait in the queue.
    const read = await gql(gw.url, `{ task(id: "5a4d8b0c-0000-4000-8000-0000000000aa") { id } credits { total } }`);
    expect(codes(read)).toEqual([]);
    // The refused key was not spent: its retry is refused by the queue again, not replayed as a failure.
    expect(codes(await gql(gw.url, split(2, key)))).toEqual(['RATE_LIMITED']);
    expect(upstream.arrivals.length - first).toBe(2);
  });
});

describe('paced across two gateway instances sharing Redis', requires(redis), () => {
  let redisServer: TestRedis;
  let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
  const gateways: TestGateway[] = [];
  beforeAll(async () => {
    redisServer = await startRedis();
    upstream = await recordingUpstream();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await upstream.fake.close();
    await redisServer.stop();
  });
  /** Two instances on the Redis, pacing at `perMinute` with at most `maxWaitMs` of wait. */
  const pair = async (perMinute: number, maxWaitMs: number) => {
    const env = {
      REDIS_URL: redisServer.url,
      UPSTREAM_SUBMITS_PER_MINUTE: String(perMinute),
      UPSTREAM_SUBMIT_MAX_WAIT_MS: String(maxWaitMs),
    };
    const started = await Promise.all([0, 1].map(() => startGateway(upstream.fake.url, env)));
    gateways.push(...started);
    return started as [TestGateway, TestGateway];
  };

  it('a POST through one instance waits its turn behind a POST through the other', async () => {
    const [a, b] = await pair(600, 5_000);
    const first = upstream.arrivals.length;
    const began = Date.now();
    expect(codes(await gql(a.url, split(1)))).toEqual([]);
    expect(codes(await gql(b.url, split(2)))).toEqual([]);
    const [, second] = upstream.arrivals.slice(first);
    expect(second!.at - began).toBeGreaterThanOrEqual(100 - 3);
  });

  it('the queue is the same on every instance: behind a POST through one, the other refuses what would wait too long', async () => {
    const [a, b] = await pair(1, 1_000); // one a minute
    const ownKey = { authorization: `Bearer pacing-key-${randomUUID()}` }; // a queue no other case used
    const first = upstream.arrivals.length;
    expect(codes(await gql(a.url, split(3), {}, ownKey))).toEqual([]);
    const refused = await gql(b.url, split(4), {}, ownKey);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(50);
    expect(upstream.arrivals.length - first).toBe(1);
  });
});
