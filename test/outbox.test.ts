/**
 * Paid work is never left without its record when the store fails around it: the intent is written before anything
 * runs (or nothing runs), the outcome the store cannot take is kept in the outbox, answered from on this instance and
 * written as soon as the store takes writes again (also by the next process, from DATA_DIR/outbox), and readiness
 * says when paid work cannot be recorded. The store here is the real SQLite engine with an outage switched on and off
 * around it; the version with real processes, Redis and a full tmpfs is outages.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../src/domain/errors.js';
import type { TaskRecord } from '../src/domain/records.js';
import { describeFailure, StoreHealth } from '../src/store/health.js';
import { KeptOwnership } from '../src/store/kept-ownership.js';
import { KeptRegistry } from '../src/store/kept-registry.js';
import { Outbox } from '../src/store/outbox.js';
import type { IdempotencyStore, PendingRecord } from '../src/store/types.js';
import { Idempotency, type PaidRequest } from '../src/submit/idempotency.js';
import { tempSqliteStores } from './support/stores.js';
import { waitFor } from './support/wait.js';

/** `target` with every method failing, as an unreachable Redis fails them, while `down()` says so. */
function withOutage<T extends object>(target: T, down: () => boolean): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const value = Reflect.get(object, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        down()
          ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }))
          : value.apply(object, args);
    },
  });
}

const opened: ReturnType<typeof tempSqliteStores>[] = [];
const outboxes: Outbox[] = [];
afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((o) => o.close()));
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** SQLite stores behind an outage switch, an outbox over them (mirrored in DATA_DIR/outbox) and an Idempotency. */
function rig() {
  const stores = tempSqliteStores();
  opened.push(stores);
  const state = { down: false };
  const down = () => state.down;
  const targets = {
    registry: withOutage(stores.registry, down),
    idempotency: withOutage(stores.idempotency, down),
    budgets: withOutage(stores.budgets, down),
    ownership: withOutage(stores.ownership, down),
  };
  const dir = join(stores.dataDir, 'outbox');
  const outbox = new Outbox(targets, { dir, retryMs: 20 });
  outboxes.push(outbox);
  const idempotency = new Idempotency(targets.idempotency, { leaseMs: 5_000, outbox });
  return {
    stores,
    state,
    targets,
    dir,
    outbox,
    idempotency,
    registry: new KeptRegistry(targets.registry, outbox),
    ownership: new KeptOwnership(targets.ownership, outbox),
  };
}

const recordOf = (tenant: string, overrides: Partial<TaskRecord> = {}): TaskRecord => ({
  id: `task-${randomUUID()}`,
  kind: 'CREATE_MUSIC',
  tenant,
  createdAt: Date.now(),
  status: 'PENDING',
  webhookSecret: 'whsec-kept',
  ...overrides,
});
const request = (tenant: string, key: string | null, extra: Partial<PaidRequest> = {}): PaidRequest => ({
  tenant,
  operation: '/api/v1/sonic/create',
  fingerprint: 'fp',
  key,
  ...extra,
});
const never = async (): Promise<never> => {
  throw new Error('the work ran again');
};

describe('the outbox', () => {
  it('keeps an outcome the store cannot take, answers from it, and writes it once the store takes writes again', async () => {
    const { stores, state, outbox, idempotency, registry } = rig();
    const record = recordOf('tenant-a');
    const result = { taskId: record.id };
    // The upstream answers; by then the store has gone away.
    const first = await idempotency.runPaid(request('tenant-a', 'k1'), async () => ((state.down = true), { result, record }));
    expect(first).toEqual({ result, record, first: true });
    expect(outbox.size).toBe(1);

    // Meanwhile, on this instance: the key replays the same task, and the task reads with its owner, kind and secret.
    expect(await idempotency.runPaid(request('tenant-a', 'k1'), never)).toEqual({ result, first: false });
    expect(await registry.lookup(record.id)).toEqual(record);
    // Another instance cannot tell yet: it refuses, having sent nothing.
    const elsewhere = new Idempotency(
      withOutage(stores.idempotency, () => state.down),
      { leaseMs: 5_000 },
    );
    await expect(elsewhere.runPaid(request('tenant-a', 'k1'), never)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });

    state.down = false;
    await waitFor(() => outbox.size === 0, 'the outbox to drain');
    expect(await stores.registry.lookup(record.id)).toEqual(record);
    expect((await stores.registry.list('tenant-a', { first: 5 })).records).toEqual([record]);
    expect(await elsewhere.runPaid(request('tenant-a', 'k1'), never)).toEqual({ result, first: false });
  });

  it('keeps what an answer-at-once gave its caller: theirs on this instance at once, in the store once it is back', async () => {
    const { stores, state, outbox, idempotency, ownership } = rig();
    const upload = { kind: 'clip' as const, id: `clip-${randomUUID()}` };
    const persona = { kind: 'persona' as const, id: `persona-${randomUUID()}` };
    const result = { clipId: upload.id };
    const answered = await idempotency.runPaid(request('tenant-a', 'up-1'), async () => {
      state.down = true; // the upstream answered; by then the store has gone away
      return { result, owned: { tenant: 'tenant-a', ids: [upload, persona] } };
    });
    expect(answered.result).toEqual(result);
    expect(outbox.size).toBe(1);
    // On this instance the caller may use them now; no one else may; the store does not know them yet.
    expect(await ownership.owns('tenant-a', [upload, persona])).toEqual([true, true]);
    await expect(ownership.owns('tenant-b', [upload])).rejects.toThrow(/ECONNREFUSED/);
    expect(await stores.ownership.owns('tenant-a', [upload, persona])).toEqual([false, false]);

    state.down = false;
    await waitFor(() => outbox.size === 0, 'the outbox to drain');
    expect(await stores.ownership.owns('tenant-a', [upload, persona])).toEqual([true, true]);
    expect(await stores.ownership.owns('tenant-b', [upload, persona])).toEqual([false, false]);
    expect(await ownership.owns('tenant-a', [upload, { kind: 'clip', id: 'another' }])).toEqual([true, false]);
  });

  it('is mirrored in DATA_DIR/outbox (readable by its owner only), and the next process writes what a stopped one left', async () => {
    const { stores, state, dir, outbox } = rig();
    const record = recordOf('tenant-b');
    state.down = true;
    expect(await outbox.write({ id: randomUUID(), at: Date.now(), record })).toBe('kept');
    const [file] = readdirSync(dir);
    expect(file).toMatch(/\.json$/);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);

    // The process stops with the store still away; the next one starts with it back.
    const next = new Outbox({ registry: stores.registry }, { dir, retryMs: 20 });
    outboxes.push(next);
    expect(next.record(record.id)).toEqual(record);
    await waitFor(() => next.size === 0, 'the next process to write it');
    expect(await stores.registry.lookup(record.id)).toEqual(record);
    expect(existsSync(join(dir, file!))).toBe(false);
    // Written twice (the first process flushes too, once the store is back): nothing changes the second time.
    await stores.registry.observe(record.id, 'SUCCEEDED', record.createdAt + 5_000);
    state.down = false;
    await outbox.flush();
    expect(await stores.registry.lookup(record.id)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('reports itself full at its bound, and still keeps every outcome given to it', async () => {
    const stores = tempSqliteStores();
    opened.push(stores);
    const outbox = new Outbox({ registry: withOutage(stores.registry, () => true) }, { maxEntries: 2 });
    outboxes.push(outbox);
    for (let i = 0; i < 3; i++) await outbox.write({ id: randomUUID(), at: Date.now(), record: recordOf('tenant-c') });
    expect(outbox.full).toBe(true);
    expect(outbox.size).toBe(3);
    expect(outbox.records('tenant-c')).toHaveLength(3);
  });

  it("lists a tenant's kept tasks among the stored ones, newest first, page by page", async () => {
    const { stores, state, outbox, registry } = rig();
    const base = Date.now() - 60_000;
    const at = (n: number) => base + n * 1_000;
    for (const n of [1, 3, 5]) await stores.registry.remember(recordOf('tenant-d', { id: `stored-${n}`, createdAt: at(n) }));
    state.down = true;
    for (const n of [2, 4])
      await outbox.write({ id: randomUUID(), at: at(n), record: recordOf('tenant-d', { id: `kept-${n}`, createdAt: at(n) }) });
    state.down = false; // the store lists again; the kept ones are not written yet
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await registry.list('tenant-d', { first: 2, after });
      pages.push(page.records.map((r) => r.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(pages.flat()).toEqual(['stored-5', 'kept-4', 'stored-3', 'kept-2', 'stored-1']);
    expect((await registry.list('tenant-d', { first: 10, statuses: ['SUCCEEDED'] })).records).toEqual([]);
  });
});

describe('intent before payment', () => {
  it('a paid request without a key writes its intent (tenant, operation, reservation) before its work runs', async () => {
    const stores = tempSqliteStores();
    opened.push(stores);
    const claims: PendingRecord[] = [];
    const recording: IdempotencyStore = Object.assign(Object.create(stores.idempotency) as IdempotencyStore, {
      claim: (key: string, pending: PendingRecord, ttlMs: number) => (claims.push(pending), stores.idempotency.claim(key, pending, ttlMs)),
    });
    const idempotency = new Idempotency(recording, { leaseMs: 5_000 });
    let claimsWhenRun = -1;
    const paid = await idempotency.runPaid(request('user:u1', null, { reservationId: 'res-1' }), async () => {
      claimsWhenRun = claims.length;
      return { result: 'ok' };
    });
    expect(paid).toEqual({ result: 'ok', first: true });
    expect(claimsWhenRun).toBe(1);
    expect(claims[0]).toMatchObject({
      state: 'pending',
      fingerprint: 'fp',
      intent: { tenant: 'user:u1', operation: '/api/v1/sonic/create', reservationId: 'res-1' },
    });
  });

  it('when the intent cannot be written, or the store is known not to take writes, nothing runs: STORE_UNAVAILABLE', async () => {
    const { state, idempotency, stores } = rig();
    state.down = true;
    for (const key of [null, 'k2']) {
      const refused = await idempotency.runPaid(request('tenant-e', key), never).catch((e: GatewayError) => e);
      expect(refused).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { retryAfterSeconds: 2 } });
      expect((refused as Error).message).toMatch(/Nothing was sent upstream and nothing was charged/);
    }
    const unready = new Idempotency(stores.idempotency, {
      leaseMs: 5_000,
      readiness: () => ({ ready: false, reason: "DATA_DIR's disk is full" }),
    });
    await expect(unready.runPaid(request('tenant-e', 'k3'), never)).rejects.toThrow(
      /right now \(DATA_DIR's disk is full\)\. Nothing was sent/,
    );
  });

  it('a claim that was written though its write seemed to fail is freed once the store is back, so the key runs', async () => {
    const stores = tempSqliteStores();
    opened.push(stores);
    let loseAnswers = true;
    // The write reaches the store, the answer does not (a connection cut just after the command).
    const lossy: IdempotencyStore = Object.assign(Object.create(stores.idempotency) as IdempotencyStore, {
      claim: async (key: string, pending: PendingRecord, ttlMs: number) => {
        const existing = await stores.idempotency.claim(key, pending, ttlMs);
        if (loseAnswers) throw new Error('Connection is closed.');
        return existing;
      },
    });
    const outbox = new Outbox({ idempotency: stores.idempotency }, { retryMs: 20 });
    outboxes.push(outbox);
    const idempotency = new Idempotency(lossy, { leaseMs: 60_000, outbox });
    await expect(idempotency.runPaid(request('tenant-f', 'k'), never)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await waitFor(async () => (await stores.idempotency.get('tenant-f:k'))?.state === 'failed', 'the stray claim to be freed');
    loseAnswers = false;
    expect(await idempotency.runPaid(request('tenant-f', 'k'), async () => ({ result: 'sent once' }))).toMatchObject({
      result: 'sent once',
      first: true,
    });
  });

  it('a sure failure gives its budget reservation back, through the outbox when the store takes it only later', async () => {
    const { stores, state, outbox, idempotency } = rig();
    const policy = { limit: 100, windowMs: 3_600_000 };
    const reservationId = randomUUID();
    const failed = idempotency.runPaid(request('user:u2', 'k', { reservationId }), async () => {
      await stores.budgets.reserve('user:u2', 30, policy, Date.now(), reservationId);
      state.down = true;
      throw new GatewayError('INSUFFICIENT_CREDITS', 'The remaining credits are not enough.');
    });
    await expect(failed).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });
    expect(await stores.budgets.usage('user:u2', policy, Date.now())).toMatchObject({ used: 30 });
    state.down = false;
    await waitFor(() => outbox.size === 0, 'the outbox to drain');
    expect(await stores.budgets.usage('user:u2', policy, Date.now())).toMatchObject({ used: 0 });
  });

  it("the holder renews its key's claim while its work runs", async () => {
    const stores = tempSqliteStores();
    opened.push(stores);
    const idempotency = new Idempotency(stores.idempotency, { leaseMs: 150 });
    const leases: number[] = [];
    await idempotency.runPaid(request('tenant-g', 'k'), async () => {
      await waitFor(async () => {
        const record = await stores.idempotency.get('tenant-g:k');
        if (record?.state === 'pending' && leases.at(-1) !== record.leaseUntil) leases.push(record.leaseUntil);
        return leases.length >= 3;
      }, 'two renewals');
      return { result: 'done' };
    });
    expect([...leases].sort((a, b) => a - b)).toEqual(leases); // each renewal moved the lease later
  });
});

describe('readiness of the store', () => {
  it('is not ready while the probe fails, says why, and is ready again once it succeeds', async () => {
    let failure: unknown;
    const outbox = new Outbox({});
    outboxes.push(outbox);
    const health = new StoreHealth(
      {
        engine: 'sqlite',
        probe: async () => {
          if (failure) throw failure;
        },
      },
      outbox,
      { intervalMs: 10, retryMs: 10 },
    );
    try {
      await waitFor(() => health.state().ready, 'ready');
      // SQLite's SQLITE_FULL, as node:sqlite reports it.
      failure = Object.assign(new Error('database or disk is full'), { errcode: 13 });
      await waitFor(() => !health.state().ready, 'not ready');
      expect(health.state()).toEqual({ ready: false, reason: "DATA_DIR's disk is full" });
      failure = undefined;
      await waitFor(() => health.state().ready, 'ready again');
      // A real write that fails says so at once, before the next probe.
      health.failed(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }));
      expect(health.state()).toEqual({ ready: false, reason: 'DATA_DIR is read-only' });
    } finally {
      health.close();
    }
  });

  it('names what Redis refuses without repeating its error text', () => {
    expect(describeFailure('redis', new Error("OOM command not allowed when used memory > 'maxmemory'."))).toBe(
      'Redis refuses writes (out of memory)',
    );
    expect(describeFailure('redis', new Error("READONLY You can't write against a read only replica."))).toBe(
      'Redis refuses writes (a read-only replica)',
    );
    expect(describeFailure('redis', new Error('connect ECONNREFUSED 10.0.0.7:6379'))).toBe('Redis is unreachable');
  });
});
