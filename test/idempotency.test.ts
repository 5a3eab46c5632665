/**
 * Idempotency keys through the gateway: one upstream POST per (API key, idempotency key) within 24 h, also under a
 * race, and across gateway instances sharing Redis. The stores' own cases are in store-contract.test.ts; keys across
 * a restart in restart.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql, json, keyB, sandboxGateway, startFakeUpstream, startGateway, type TestGateway } from './support/helpers.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

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
  it('a paid mutation, keyed or not, fails as STORE_UNAVAILABLE and sends nothing (its task could not be recorded)', async () => {
    const up = await slowUpstream(0);
    const closed = await startFakeUpstream();
    await closed.close();
    const gw = await startGateway(up.fake.url, { REDIS_URL: closed.url.replace('http', 'redis') });
    try {
      const keyed = await gql(gw.url, split, { c: clipA, k: randomUUID() });
      expect(codes(keyed)).toEqual(['STORE_UNAVAILABLE']);
      expect(keyed.errors?.[0]?.message).toMatch(/Nothing was sent upstream and nothing was charged/);
      expect(up.posts()).toBe(0);
      const unkeyed = await gql(gw.url, split, { c: clipA });
      expect(codes(unkeyed)).toEqual(['STORE_UNAVAILABLE']);
      expect(up.posts()).toBe(0);
      // Readiness says so too, and why; liveness does not.
      const health = await fetch(`${gw.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', reason: 'Redis is unreachable', upstream: 'live' });
      expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
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
  let redisServer: TestRedis;
  let up: Awaited<ReturnType<typeof slowUpstream>>;
  let gateways: TestGateway[];
  beforeAll(async () => {
    redisServer = await startRedis();
    up = await slowUpstream(200);
    gateways = await Promise.all([0, 1].map(() => startGateway(up.fake.url, { REDIS_URL: redisServer.url })));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await up.fake.close();
    await redisServer.stop();
  });

  it('20 requests with one key, spread over both instances at once, make one upstream POST', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => gql(gateways[i % 2]!.url, split, { c: clipA, k: key })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.splitStemsFull.id)).size).toBe(1);
    expect(up.posts()).toBe(1);
  });
});
