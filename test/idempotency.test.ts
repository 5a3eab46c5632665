/**
 * Idempotency keys: one upstream POST per (API key, idempotency key) within 24 h, also under a race, in memory
 * and across gateway instances sharing Redis.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../src/errors.js';
import { Idempotency, idempotencyTtlMs } from '../src/idempotency/idempotency.js';
import { MemoryIdempotencyStore } from '../src/idempotency/memory.js';
import { RedisIdempotencyStore } from '../src/idempotency/redis.js';
import type { IdempotencyStore } from '../src/idempotency/store.js';
import { codes, gql, json, keyB, manualClock, sandboxGateway, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './helpers.js';
import { startRedis, type TestRedis } from './redis.js';
import { redis, requires } from './requirements.js';

const split = `mutation($c: ID!, $k: String) { splitStemsFull(clipId: $c, idempotencyKey: $k) { id kind status } }`;
const clipA = '5a4d8b0c-0000-4000-8000-000000000001';
const clipB = '5a4d8b0c-0000-4000-8000-000000000002';

/** An upstream whose POSTs answer after `delayMs` with a new task id each, unless told to fail. */
async function slowUpstream(delayMs = 150) {
  let next = 0;
  const state = { failWith: null as null | { status: number; body: unknown } };
  const fake = await startFakeUpstream((_req, res) => {
    const n = ++next;
    setTimeout(() => {
      if (state.failWith) json(res, state.failWith.status, state.failWith.body);
      else json(res, 200, { message: 'success', task_id: `task-${n}` });
    }, delayMs);
  });
  return Object.assign(state, { fake, posts: () => fake.requests.filter((r) => r.method === 'POST').length });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storeContract(name: string, makeStore: () => Promise<{ store: IdempotencyStore; close(): Promise<void> }>) {
  describe(`Idempotency over the ${name} store`, () => {
    let store: IdempotencyStore;
    let close: () => Promise<void>;
    beforeAll(async () => ({ store, close } = await makeStore()));
    afterAll(() => close());
    const scope = () => `tenant-${randomUUID()}`;

    it('20 concurrent runs of one key run the work once and all get its result', async () => {
      const idem = new Idempotency(store, { leaseMs: 5_000 });
      let runs = 0;
      const work = async () => (await sleep(50), { taskId: `t${++runs}` });
      const s = scope();
      const results = await Promise.all(Array.from({ length: 20 }, () => idem.run(s, 'k1', 'fp', work)));
      expect(runs).toBe(1);
      expect(new Set(results.map((r) => r.taskId))).toEqual(new Set(['t1']));
    });

    it('waiters of a run that surely failed get its error; a later run goes ahead', async () => {
      const idem = new Idempotency(store, { leaseMs: 5_000 });
      let runs = 0;
      const failing = async () => {
        runs++;
        await sleep(50);
        throw new GatewayError('INSUFFICIENT_CREDITS', 'no credits');
      };
      const s = scope();
      const settled = await Promise.allSettled(Array.from({ length: 5 }, () => idem.run(s, 'k', 'fp', failing)));
      expect(runs).toBe(1);
      expect(settled.map((r) => r.status === 'rejected' && (r.reason as GatewayError).code)).toEqual(Array(5).fill('INSUFFICIENT_CREDITS'));
      await expect(idem.run(s, 'k', 'fp', async () => ({ taskId: 'second' }))).resolves.toEqual({ taskId: 'second' });
    });

    it('a run that may have created a task is never repeated: replays get its error', async () => {
      const idem = new Idempotency(store, { leaseMs: 5_000 });
      const s = scope();
      const ambiguous = new GatewayError('UPSTREAM_TIMEOUT', 'slow', { taskMayExist: true });
      await expect(idem.run(s, 'k', 'fp', async () => Promise.reject(ambiguous))).rejects.toBe(ambiguous);
      let ran = false;
      const replay = await idem.run(s, 'k', 'fp', async () => ((ran = true), 1)).catch((e: GatewayError) => e);
      expect(ran).toBe(false);
      expect(replay).toMatchObject({ code: 'UPSTREAM_TIMEOUT', details: { taskMayExist: true } });
      expect((replay as Error).message).toMatch(/^Replay of the first request with this idempotencyKey: slow/);
    });

    it('refuses the same key with a different fingerprint, and keeps keys apart per scope', async () => {
      const idem = new Idempotency(store, { leaseMs: 5_000 });
      const s = scope();
      await idem.run(s, 'k', 'fp-1', async () => 'first');
      await expect(idem.run(s, 'k', 'fp-2', async () => 'other')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'idempotencyKey' },
      });
      await expect(idem.run(scope(), 'k', 'fp-2', async () => 'other scope')).resolves.toBe('other scope');
    });

    it('a first run whose gateway vanished (lease over) counts as an unknown outcome', async () => {
      const clock = manualClock(Date.now());
      const idem = new Idempotency(store, { leaseMs: 1_000, now: clock.now });
      const s = scope();
      await store.claim(`${s}:k`, { state: 'pending', fingerprint: 'fp', attempt: 'gone', leaseUntil: clock.now() + 1_000 }, 60_000);
      clock.advance(1_001);
      await expect(idem.run(s, 'k', 'fp', async () => 'again')).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        details: { taskMayExist: true },
      });
    });
  });
}

storeContract('memory', async () => ({ store: new MemoryIdempotencyStore(), close: async () => {} }));

describe('Redis store', requires(redis), () => {
  let redis: TestRedis;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    await client.quit();
    await redis.stop();
  });
  storeContract('Redis', async () => ({ store: new RedisIdempotencyStore(client), close: async () => {} }));
});

describe('memory store expiry', () => {
  it('forgets a key after 24 hours', async () => {
    const clock = manualClock();
    const idem = new Idempotency(new MemoryIdempotencyStore(clock.now), { leaseMs: 1_000, now: clock.now });
    await idem.run('s', 'k', 'fp', async () => 'first');
    clock.advance(idempotencyTtlMs - 1);
    await expect(idem.run('s', 'k', 'fp', async () => 'second')).resolves.toBe('first');
    clock.advance(1);
    await expect(idem.run('s', 'k', 'fp', async () => 'second')).resolves.toBe('second');
  });
});

describe('idempotencyKey on paid mutations', () => {
  let up: Awaited<ReturnType<typeof slowUpstream>>;
  let gw: TestGateway;
  beforeAll(async () => {
    up = await slowUpstream();
    gw = await startGateway(up.fake.url);
  });
  afterAll(async () => {
    await gw.close();
    await up.fake.close();
  });

  it('one key sent 20 times at once makes one upstream POST; every response is the same task', async () => {
    const before = up.posts();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(gw.url, split, { c: clipA, k: key })));
    expect(up.posts() - before).toBe(1);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.splitStemsFull.id));
    expect(ids.size).toBe(1);
    expect(results[0]!.data!.splitStemsFull).toMatchObject({ kind: 'STEMS_FULL', status: 'PENDING' });

    const replay = await gql(gw.url, split, { c: clipA, k: key });
    expect(replay.data!.splitStemsFull.id).toBe([...ids][0]);
    expect(up.posts() - before).toBe(1);
  });

  it('without a key, each request is its own task', async () => {
    const before = up.posts();
    const [a, b] = await Promise.all([gql(gw.url, split, { c: clipA }), gql(gw.url, split, { c: clipA })]);
    expect(a.data!.splitStemsFull.id).not.toBe(b.data!.splitStemsFull.id);
    expect(up.posts() - before).toBe(2);
  });

  it('the same key with other arguments is BAD_USER_INPUT and sends nothing', async () => {
    const key = randomUUID();
    await gql(gw.url, split, { c: clipA, k: key });
    const before = up.posts();
    const res = await gql(gw.url, split, { c: clipB, k: key });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(up.posts()).toBe(before);
  });

  it('keys are per API key: another key holder with the same idempotency key gets its own task', async () => {
    const key = randomUUID();
    const before = up.posts();
    const mine = await gql(gw.url, split, { c: clipA, k: key });
    const theirs = await gql(gw.url, split, { c: clipA, k: key }, { authorization: `Bearer ${keyB}` });
    expect(mine.data!.splitStemsFull.id).not.toBe(theirs.data!.splitStemsFull.id);
    expect(up.posts() - before).toBe(2);
  });

  it('after a sure failure (403) the same key submits again; after a possible one (500) it never does', async () => {
    const key = randomUUID();
    up.failWith = { status: 403, body: { message: 'The remaining credits are not enough.' } };
    const before = up.posts();
    expect(codes(await gql(gw.url, split, { c: clipA, k: key }))).toEqual(['INSUFFICIENT_CREDITS']);
    up.failWith = null;
    const retried = await gql(gw.url, split, { c: clipA, k: key });
    expect(retried.data?.splitStemsFull.id).toMatch(/^task-/);
    expect(up.posts() - before).toBe(2);

    const other = randomUUID();
    up.failWith = { status: 500, body: { message: 'Internal Server Error.' } };
    expect((await gql(gw.url, split, { c: clipA, k: other })).errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      taskMayExist: true,
    });
    up.failWith = null;
    const replay = await gql(gw.url, split, { c: clipA, k: other });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', taskMayExist: true });
    expect(up.posts() - before).toBe(3);
  });

  it('a malformed key is BAD_USER_INPUT before any upstream call', async () => {
    const before = up.posts();
    for (const bad of ['', 'has space', 'x'.repeat(129), 'ünïcode']) {
      const res = await gql(gw.url, split, { c: clipA, k: bad });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    }
    expect(up.posts()).toBe(before);
  });
});

describe('idempotencyKey with Redis unreachable', () => {
  it('a keyed mutation fails as INTERNAL_SERVER_ERROR and sends nothing; an unkeyed one still works', async () => {
    const up = await slowUpstream(0);
    const closed = await startFakeUpstream();
    await closed.close();
    const gw = await startGateway(up.fake.url, { REDIS_URL: closed.url.replace('http', 'redis') });
    try {
      const keyed = await gql(gw.url, split, { c: clipA, k: randomUUID() });
      expect(codes(keyed)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(up.posts()).toBe(0);
      expect((await gql(gw.url, split, { c: clipA })).data?.splitStemsFull.id).toBe('task-1');
    } finally {
      await gw.close();
      await up.fake.close();
    }
  });
});

describe('idempotencyKey on an operation that answers at once', () => {
  const setup = sandboxGateway();

  it('getBpm with one key, twice and racing, makes one upstream POST and returns the same result', async () => {
    const bpm = `mutation($c: ID!, $k: String) { getBpm(clipId: $c, idempotencyKey: $k) { bpm } }`;
    const calls = () => setup.sandbox.calls.filter((c) => c.path === '/api/v1/sonic/bpm').length;
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => gql(setup.gw.url, bpm, { c: clipA, k: key })));
    const replay = await gql(setup.gw.url, bpm, { c: clipA, k: key });
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set([...results, replay].map((r) => JSON.stringify(r.data)))).toEqual(new Set([JSON.stringify(replay.data)]));
    expect(typeof replay.data?.getBpm.bpm).toBe('number');
    expect(calls()).toBe(1);
  });
});

describe('idempotencyKey across two gateway instances sharing Redis', requires(redis), () => {
  let redis: TestRedis;
  let up: Awaited<ReturnType<typeof slowUpstream>>;
  let gateways: TestGateway[];
  beforeAll(async () => {
    redis = await startRedis();
    up = await slowUpstream(200);
    gateways = await Promise.all([0, 1].map(() => startGateway(up.fake.url, { REDIS_URL: redis.url })));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await up.fake.close();
    await redis.stop();
  });

  it('20 requests with one key, spread over both instances at once, make one upstream POST', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql(gateways[i % 2]!.url, split, { c: clipA, k: key })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.splitStemsFull.id)).size).toBe(1);
    expect(up.posts()).toBe(1);
  });
});
