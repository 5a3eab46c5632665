/**
 * The store contract (src/store/types.ts), one set of cases run against both engines: SQLite in a temp DATA_DIR and
 * Redis (where a redis-server is installed). Every case uses tenants and keys of its own, so they share one store.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../src/domain/errors.js';
import { Idempotency } from '../src/submit/idempotency.js';
import { RedisStores } from '../src/store/redis/index.js';
import type { BudgetPolicy, Stores } from '../src/store/types.js';
import type { TaskRecord } from '../src/domain/records.js';
import type { TaskStatus } from '../src/domain/status.js';
import { manualClock } from './support/helpers.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';
import { tempSqliteStores } from './support/stores.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hour = 3600_000;

function record(tenant: string, createdAt: number, overrides: Partial<TaskRecord> = {}): TaskRecord {
  return { id: randomUUID(), kind: 'CREATE_MUSIC', tenant, createdAt, status: 'PENDING', ...overrides };
}

/** Every page of a tenant's list, walked with the cursors the store hands out. */
async function allPages(stores: Stores, tenant: string, first: number, statuses?: TaskStatus[]) {
  const pages: TaskRecord[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await stores.registry.list(tenant, { first, after, ...(statuses ? { statuses } : {}) });
    pages.push(page.records);
    if (!page.hasNextPage) return pages;
    expect(page.endCursor).not.toBeNull();
    after = page.endCursor;
  }
}

function contract(name: string, open: () => Promise<{ stores: Stores; close(): Promise<void> }>) {
  describe(`the ${name} engine`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeAll(async () => ({ stores, close } = await open()));
    afterAll(() => close());
    const tenant = () => `tenant-${randomUUID()}`;

    describe('task registry', () => {
      it('remembers a record as given, optional fields included or absent; an unknown id is undefined', async () => {
        const full = record(tenant(), Date.now(), { webhookSecret: 'whsec-1', reservationId: 'res-1', kind: 'PRODUCER_MUSIC' });
        const bare = record(tenant(), Date.now());
        await stores.registry.remember(full);
        await stores.registry.remember(bare);
        expect(await stores.registry.lookup(full.id)).toEqual(full);
        expect(await stores.registry.lookup(bare.id)).toEqual(bare);
        expect(await stores.registry.lookup(randomUUID())).toBeUndefined();
      });

      it('finds a record by its webhook secret (the nonce a delivery URL names); another or none is undefined', async () => {
        const ref = `derived:${randomUUID()}`;
        const withHook = record(tenant(), Date.now(), { webhookSecret: ref });
        await stores.registry.remember(withHook);
        await stores.registry.remember(record(tenant(), Date.now()));
        expect(await stores.registry.lookupByWebhook(ref)).toEqual(withHook);
        expect(await stores.registry.lookupByWebhook(`derived:${randomUUID()}`)).toBeUndefined();
        // Replaced under the same id with another webhook: the old one no longer finds it.
        const moved = { ...withHook, webhookSecret: `derived:${randomUUID()}` };
        await stores.registry.remember(moved);
        expect(await stores.registry.lookupByWebhook(moved.webhookSecret)).toEqual(moved);
        expect(await stores.registry.lookupByWebhook(ref)).toBeUndefined();
      });

      it('remember with ifNew writes a new record and leaves a kept one as it is (a late outcome never undoes a state seen since)', async () => {
        const r = record(tenant(), Date.now());
        expect(await stores.registry.remember(r, { ifNew: true })).toBe(true);
        await stores.registry.observe(r.id, 'SUCCEEDED', r.createdAt + 1_000);
        expect(await stores.registry.remember({ ...r, status: 'PENDING' }, { ifNew: true })).toBe(false);
        expect(await stores.registry.lookup(r.id)).toMatchObject({ status: 'SUCCEEDED', finishedAt: r.createdAt + 1_000 });
        expect((await stores.registry.list(r.tenant, { first: 5 })).records.map((x) => x.id)).toEqual([r.id]);
      });

      it('observe moves the status; of ten racing observers of the final state exactly one is told it finished the task', async () => {
        const r = record(tenant(), Date.now() - 5_000);
        await stores.registry.remember(r);
        expect(await stores.registry.observe(r.id, 'PENDING', Date.now())).toBe(false);
        expect(await stores.registry.observe(r.id, 'RUNNING', Date.now())).toBe(false);
        expect(await stores.registry.lookup(r.id)).toEqual({ ...r, status: 'RUNNING' });
        const at = Date.now();
        const finals = await Promise.all(Array.from({ length: 10 }, () => stores.registry.observe(r.id, 'SUCCEEDED', at)));
        expect(finals.filter(Boolean)).toHaveLength(1);
        expect(await stores.registry.observe(r.id, 'FAILED', at + 1)).toBe(false);
        expect(await stores.registry.lookup(r.id)).toEqual({ ...r, status: 'SUCCEEDED', finishedAt: at });
        expect(await stores.registry.observe(randomUUID(), 'SUCCEEDED', at)).toBe(false);
      });

      it("lists a tenant's own tasks newest first in cursor pages, ties broken by id, other tenants' never", async () => {
        const mine = tenant();
        const base = Date.now() - hour;
        // 23 tasks, some created in the same millisecond, remembered out of order; another tenant's in between.
        const records = Array.from({ length: 23 }, (_, i) => record(mine, base + Math.floor(i / 3) * 1000));
        for (const r of [...records].reverse()) {
          await stores.registry.remember(r);
          await stores.registry.remember(record(tenant(), r.createdAt));
        }
        const expected = [...records].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((r) => r.id);
        const pages = await allPages(stores, mine, 10);
        expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
        expect(pages.flat().map((r) => r.id)).toEqual(expected);
        expect(pages.flat()[0]).toEqual(records.find((r) => r.id === expected[0]));
        expect(await stores.registry.list(tenant(), { first: 10 })).toEqual({ records: [], hasNextPage: false, endCursor: null });
      });

      it('filters the list by last observed status, across pages', async () => {
        const mine = tenant();
        const base = Date.now() - hour;
        const records = Array.from({ length: 12 }, (_, i) => record(mine, base + i));
        for (const r of records) await stores.registry.remember(r);
        const failed = records.filter((_, i) => i % 3 === 0);
        for (const r of failed) await stores.registry.observe(r.id, 'FAILED', Date.now());
        await stores.registry.observe(records[1]!.id, 'RUNNING', Date.now());

        const onlyFailed = (await allPages(stores, mine, 3, ['FAILED'])).flat();
        expect(onlyFailed.map((r) => r.id)).toEqual(failed.map((r) => r.id).reverse());
        expect(onlyFailed.every((r) => r.status === 'FAILED')).toBe(true);
        const unfinished = (await allPages(stores, mine, 5, ['PENDING', 'RUNNING'])).flat();
        expect(unfinished).toHaveLength(8);
        expect(unfinished.map((r) => r.status)).toContain('RUNNING');
      });

      it('refuses a cursor it did not hand out with BAD_USER_INPUT', async () => {
        const refused = await stores.registry.list(tenant(), { first: 5, after: 'not-a-cursor' }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(GatewayError);
        expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'after' } });
      });

      it('forgets a record 30 days after its creation: not read, not listed', async () => {
        const mine = tenant();
        const old = record(mine, Date.now() - 31 * 24 * hour);
        const recent = record(mine, Date.now() - 29 * 24 * hour);
        await stores.registry.remember(old);
        await stores.registry.remember(recent);
        expect(await stores.registry.lookup(old.id)).toBeUndefined();
        expect((await stores.registry.list(mine, { first: 10 })).records.map((r) => r.id)).toEqual([recent.id]);
      });
    });

    describe('idempotency store', () => {
      it('20 concurrent runs of one key run the work once and all get its result', async () => {
        const idem = new Idempotency(stores.idempotency, { leaseMs: 5_000 });
        let runs = 0;
        const work = async () => (await sleep(50), { taskId: `t${++runs}` });
        const s = tenant();
        const results = await Promise.all(Array.from({ length: 20 }, () => idem.run(s, 'k1', 'fp', work)));
        expect(runs).toBe(1);
        expect(new Set(results.map((r) => r.taskId))).toEqual(new Set(['t1']));
      });

      it('waiters of a run that surely failed get its error; a later run goes ahead', async () => {
        const idem = new Idempotency(stores.idempotency, { leaseMs: 5_000 });
        let runs = 0;
        const failing = async () => {
          runs++;
          await sleep(50);
          throw new GatewayError('INSUFFICIENT_CREDITS', 'no credits');
        };
        const s = tenant();
        const settled = await Promise.allSettled(Array.from({ length: 5 }, () => idem.run(s, 'k', 'fp', failing)));
        expect(runs).toBe(1);
        expect(settled.map((r) => r.status === 'rejected' && (r.reason as GatewayError).code)).toEqual(
          Array(5).fill('INSUFFICIENT_CREDITS'),
        );
        await expect(idem.run(s, 'k', 'fp', async () => ({ taskId: 'second' }))).resolves.toEqual({ taskId: 'second' });
      });

      it('a run that may have created a task is never repeated: replays get its error', async () => {
        const idem = new Idempotency(stores.idempotency, { leaseMs: 5_000 });
        const s = tenant();
        const ambiguous = new GatewayError('UPSTREAM_TIMEOUT', 'slow', { taskMayExist: true });
        await expect(idem.run(s, 'k', 'fp', async () => Promise.reject(ambiguous))).rejects.toBe(ambiguous);
        let ran = false;
        const replay = await idem.run(s, 'k', 'fp', async () => ((ran = true), 1)).catch((e: GatewayError) => e);
        expect(ran).toBe(false);
        expect(replay).toMatchObject({ code: 'UPSTREAM_TIMEOUT', details: { taskMayExist: true } });
        expect((replay as Error).message).toMatch(/^Replay of the first request with this idempotencyKey: slow/);
      });

      it('refuses the same key with a different fingerprint, and keeps keys apart per scope', async () => {
        const idem = new Idempotency(stores.idempotency, { leaseMs: 5_000 });
        const s = tenant();
        await idem.run(s, 'k', 'fp-1', async () => 'first');
        await expect(idem.run(s, 'k', 'fp-2', async () => 'other')).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { field: 'idempotencyKey' },
        });
        await expect(idem.run(tenant(), 'k', 'fp-2', async () => 'other scope')).resolves.toBe('other scope');
      });

      it('a first run whose lease is over counts as an unknown outcome', async () => {
        const clock = manualClock(Date.now());
        const idem = new Idempotency(stores.idempotency, { leaseMs: 1_000, now: clock.now });
        const s = tenant();
        await stores.idempotency.claim(
          `${s}:k`,
          { state: 'pending', fingerprint: 'fp', attempt: 'gone', leaseUntil: clock.now() + 1_000 },
          60_000,
        );
        clock.advance(1_001);
        await expect(idem.run(s, 'k', 'fp', async () => 'again')).rejects.toMatchObject({
          code: 'INTERNAL_SERVER_ERROR',
          details: { taskMayExist: true },
        });
      });

      it('a settle of a key the store no longer holds (lost with its data) writes the outcome anew only when given how long to keep it', async () => {
        const done = { state: 'done' as const, fingerprint: 'fp', result: 'the first answer' };
        const lost = `${tenant()}:k`;
        await stores.idempotency.settle(lost, 'a', done, null, 60_000);
        expect(await stores.idempotency.get(lost)).toEqual(done);
        // A later claim of the key is answered with it: nothing is sent again.
        expect(await stores.idempotency.claim(lost, { state: 'pending', fingerprint: 'fp', attempt: 'b', leaseUntil: 1 }, 60_000)).toEqual(
          done,
        );
        const without = `${tenant()}:k`;
        await stores.idempotency.settle(without, 'a', done, null);
        expect(await stores.idempotency.get(without)).toBeNull();
        // A key held by another attempt is left alone, time to live or not.
        const held = `${tenant()}:k`;
        await stores.idempotency.claim(held, { state: 'pending', fingerprint: 'fp', attempt: 'other', leaseUntil: 1 }, 60_000);
        await stores.idempotency.settle(held, 'a', done, null, 60_000);
        expect(await stores.idempotency.get(held)).toMatchObject({ state: 'pending', attempt: 'other' });
      });

      it('renew moves the lease of the same attempt only', async () => {
        const key = `${tenant()}:k`;
        await stores.idempotency.claim(key, { state: 'pending', fingerprint: 'fp', attempt: 'a', leaseUntil: 1_000 }, 60_000);
        expect(await stores.idempotency.renew(key, 'a', 5_000)).toBe(true);
        expect(await stores.idempotency.renew(key, 'other', 9_000)).toBe(false);
        expect(await stores.idempotency.get(key)).toEqual({ state: 'pending', fingerprint: 'fp', attempt: 'a', leaseUntil: 5_000 });
        await stores.idempotency.settle(key, 'a', { state: 'done', fingerprint: 'fp', result: 1 }, null);
        expect(await stores.idempotency.renew(key, 'a', 9_000)).toBe(false);
        expect(await stores.idempotency.renew(`${tenant()}:none`, 'a', 9_000)).toBe(false);
      });

      it('keeps the intent a pending claim carries', async () => {
        const key = `${tenant()}:k`;
        const intent = { tenant: 'user:someone', operation: '/api/v1/sonic/create', reservationId: 'r-1', createdAt: 1_700_000_000_000 };
        await stores.idempotency.claim(
          key,
          { state: 'pending', fingerprint: 'fp', attempt: 'a', leaseUntil: Date.now() + 60_000, intent },
          60_000,
        );
        await stores.idempotency.renew(key, 'a', Date.now() + 120_000);
        expect(await stores.idempotency.get(key)).toMatchObject({ state: 'pending', intent });
      });

      it('a claim whose holder renews its lease is waited for past its first lease, and its outcome is given', async () => {
        const clock = manualClock(Date.now());
        const idem = new Idempotency(stores.idempotency, { leaseMs: 1_000, now: clock.now });
        const s = tenant();
        const key = `${s}:k`;
        // Another instance holds the key (its process is alive: this one's, for SQLite's holder check).
        await stores.idempotency.claim(
          key,
          { state: 'pending', fingerprint: 'fp', attempt: 'other', leaseUntil: clock.now() + 1_000 },
          60_000,
        );
        let ran = false;
        const waiter = idem.run(s, 'k', 'fp', async () => ((ran = true), 'mine'));
        clock.advance(900);
        await stores.idempotency.renew(key, 'other', clock.now() + 1_000);
        clock.advance(200); // past the first lease, within the renewed one
        await sleep(250); // the waiter reads the record a few times meanwhile (it looks every 50 to 100 ms)
        await stores.idempotency.settle(key, 'other', { state: 'done', fingerprint: 'fp', result: 'theirs' }, null);
        await expect(waiter).resolves.toBe('theirs');
        expect(ran).toBe(false);
      });

      it('forgets a key when its time to live is over', async () => {
        // (Within it, replays get the first result: the cases above, with the default 24 hours.)
        const idem = new Idempotency(stores.idempotency, { leaseMs: 1_000, ttlMs: 100 });
        const s = tenant();
        await idem.run(s, 'k', 'fp', async () => 'first');
        await sleep(150);
        await expect(idem.run(s, 'k', 'fp', async () => 'second')).resolves.toBe('second');
      });
    });

    it('the write probe succeeds while the store takes writes', async () => {
      await expect(stores.probe()).resolves.toBeUndefined();
    });

    describe('budgets', () => {
      const policy: BudgetPolicy = { limit: 120, windowMs: hour };
      // Windows in the future: Redis lets a window's counter expire when the window ends.
      const nextHour = Math.floor(Date.now() / hour) * hour + hour;
      const now = nextHour + 30 * 60_000;

      it('reserves while the budget covers it, and reports limit, used, remaining and the window end', async () => {
        const t = tenant();
        const first = await stores.budgets.reserve(t, 50, policy, now);
        expect(first).toMatchObject({ ok: true, usage: { limit: 120, used: 50, remaining: 70, resetsAt: nextHour + hour } });
        expect(await stores.budgets.reserve(t, 70, policy, now)).toMatchObject({ ok: true, usage: { used: 120, remaining: 0 } });
        const refused = await stores.budgets.reserve(t, 1, policy, now);
        expect(refused).toEqual({ ok: false, usage: { limit: 120, used: 120, remaining: 0, resetsAt: nextHour + hour } });
        expect(await stores.budgets.usage(t, policy, now)).toEqual(refused.usage);
        expect(await stores.budgets.usage(tenant(), policy, now)).toMatchObject({ used: 0, remaining: 120 });
      });

      it('20 concurrent reservations of 50 with 120 left: exactly 2 succeed', async () => {
        const t = tenant();
        const results = await Promise.all(Array.from({ length: 20 }, () => stores.budgets.reserve(t, 50, policy, now)));
        expect(results.filter((r) => r.ok)).toHaveLength(2);
        expect(await stores.budgets.usage(t, policy, now)).toMatchObject({ used: 100, remaining: 20 });
      });

      it('a reservation can be made under an id named beforehand (the intent names it before it is made)', async () => {
        const t = tenant();
        const id = randomUUID();
        expect(await stores.budgets.reserve(t, 40, policy, now, id)).toMatchObject({ ok: true, reservationId: id });
        await stores.budgets.release(id);
        expect(await stores.budgets.usage(t, policy, now)).toMatchObject({ used: 0 });
      });

      it('a release gives the credits back once; releasing again or an unknown id does nothing', async () => {
        const t = tenant();
        const a = await stores.budgets.reserve(t, 50, policy, now);
        await stores.budgets.reserve(t, 30, policy, now);
        if (!a.ok) throw new Error('reservation refused');
        await stores.budgets.release(a.reservationId);
        await stores.budgets.release(a.reservationId);
        await stores.budgets.release(randomUUID());
        expect(await stores.budgets.usage(t, policy, now)).toMatchObject({ used: 30, remaining: 90 });
      });

      it('windows are aligned to multiples of the window length; a new window starts empty and an old release leaves it alone', async () => {
        const t = tenant();
        const old = await stores.budgets.reserve(t, 100, policy, nextHour + hour - 1);
        expect(old).toMatchObject({ ok: true, usage: { resetsAt: nextHour + hour } });
        const next = nextHour + hour;
        expect(await stores.budgets.usage(t, policy, next)).toEqual({ limit: 120, used: 0, remaining: 120, resetsAt: nextHour + 2 * hour });
        await stores.budgets.reserve(t, 40, policy, next);
        if (old.ok) await stores.budgets.release(old.reservationId);
        expect(await stores.budgets.usage(t, policy, next)).toMatchObject({ used: 40 });
      });
    });

    describe('ownership', () => {
      const day = 24 * hour;
      const clip = (id = randomUUID()) => ({ kind: 'clip' as const, id });

      it("answers per tenant and per kind, in the order asked; another tenant's id, an unknown one and another kind's are not owned", async () => {
        const [alice, bob] = [tenant(), tenant()];
        const [a1, a2, b1] = [clip(), clip(), clip()];
        await stores.ownership.record(alice, [a1, a2, { kind: 'persona', id: 'persona-of-alice' }], Date.now());
        await stores.ownership.record(bob, [b1], Date.now());
        expect(await stores.ownership.owns(alice, [b1, a2, clip(), a1])).toEqual([false, true, false, true]);
        expect(await stores.ownership.owns(bob, [a1, b1])).toEqual([false, true]);
        expect(
          await stores.ownership.owns(alice, [
            { kind: 'persona', id: 'persona-of-alice' },
            { kind: 'vox', id: 'persona-of-alice' },
          ]),
        ).toEqual([true, false]);
        // A clip id that is another kind's id is a different thing.
        expect(await stores.ownership.owns(alice, [{ kind: 'persona', id: a1.id }])).toEqual([false]);
        expect(await stores.ownership.owns(alice, [])).toEqual([]);
      });

      it('an id may have several owners; recording a pair twice changes nothing', async () => {
        const [alice, bob, carol] = [tenant(), tenant(), tenant()];
        const shared = clip();
        await stores.ownership.record(alice, [shared], Date.now());
        await stores.ownership.record(alice, [shared], Date.now());
        await stores.ownership.record(bob, [shared], Date.now());
        expect(await Promise.all([alice, bob, carol].map((t) => stores.ownership.owns(t, [shared])))).toEqual([[true], [true], [false]]);
      });

      it('forgets a pair a year after it was last recorded; recording it again renews it', async () => {
        const mine = tenant();
        const [old, recent, renewed] = [clip(), clip(), clip()];
        await stores.ownership.record(mine, [old, renewed], Date.now() - 366 * day);
        await stores.ownership.record(mine, [recent], Date.now() - 364 * day);
        await stores.ownership.record(mine, [renewed], Date.now());
        expect(await stores.ownership.owns(mine, [old, recent, renewed])).toEqual([false, true, true]);
      });
    });

    describe('durations', () => {
      it('gives the most recent durations of a kind, newest first, at most `limit`', async () => {
        // Kinds are shared by every case: this one owns STEMS_BASIC and PRODUCER_VIDEO.
        const at = Date.now() - 10_000;
        for (const [i, ms] of [1000, 2000, 3000, 4000].entries()) await stores.durations.record('STEMS_BASIC', ms, at + i);
        await stores.durations.record('PRODUCER_VIDEO', 9000, at + 10);
        expect(await stores.durations.recent('STEMS_BASIC', 3)).toEqual([4000, 3000, 2000]);
        expect(await stores.durations.recent('PRODUCER_VIDEO', 3)).toEqual([9000]);
        expect(await stores.durations.recent('PRODUCER_LYRICS', 3)).toEqual([]);
      });
    });
  });
}

contract('SQLite', async () => {
  const stores = tempSqliteStores();
  return { stores, close: () => stores.close() };
});

describe('with Redis', requires(redis), () => {
  let redisServer: TestRedis;
  let client: Redis;
  beforeAll(async () => {
    redisServer = await startRedis();
    client = new Redis(redisServer.url);
  });
  afterAll(async () => {
    await client.quit();
    await redisServer.stop();
  });
  contract('Redis', async () => ({ stores: new RedisStores(client), close: async () => {} }));
});
