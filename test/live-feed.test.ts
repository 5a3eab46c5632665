import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayError, type ErrorCode } from '../src/domain/errors.js';
import { delayAfterFailure, isRetryable, type PollPolicy } from '../src/domain/backoff.js';
import { MemoryTaskEventBus } from '../src/live/bus.js';
import { supersedes, type TaskEvent } from '../src/domain/events.js';
import type { PollLease } from '../src/live/lease.js';
import { LiveTasks } from '../src/live/live-tasks.js';
import type { Sleep } from '../src/live/poller.js';
import type { Task } from '../src/domain/task.js';
import type { TaskStatus } from '../src/domain/status.js';
import { waitFor } from './support/wait.js';
import { tempSqliteStores } from './support/stores.js';

const policy: PollPolicy = { intervalMs: 1_000, maxDelayMs: 16_000, maxFailures: 4 };
const task = (status: TaskStatus, title = 'Song'): Task => ({
  id: 'task-1',
  kind: 'CREATE_MUSIC',
  status,
  error: status === 'FAILED' ? 'boom' : null,
  clips: [
    {
      ...{ id: 'c1', status, title, tags: null, lyrics: null, description: null, audioUrl: null, imageUrl: null },
      ...{ videoUrl: null, wavUrl: null, duration: null, model: null, createdAt: null, error: null },
    },
  ],
});
/** An empty task registry of its own (SQLite in a temp DATA_DIR, removed after the file's tests). */
const opened: ReturnType<typeof tempSqliteStores>[] = [];
afterAll(() => Promise.all(opened.map((stores) => stores.close())));
function emptyRegistry() {
  const stores = tempSqliteStores();
  opened.push(stores);
  return stores.registry;
}

const unavailable = () => new GatewayError('UPSTREAM_UNAVAILABLE', 'The upstream is unavailable.');

/** A sleep that lets `budget` waits pass at once and holds later ones until `allow` raises the budget or the poller stops. */
function budgetSleep(budget: number) {
  const waits: number[] = [];
  const held: (() => void)[] = [];
  const sleep: Sleep = (ms, signal) => {
    waits.push(ms);
    if (waits.length <= budget) return new Promise((r) => setImmediate(r));
    return new Promise((resolve) => {
      held.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  };
  const allow = (more: number) => {
    budget += more;
    held.splice(0, more).forEach((release) => release());
  };
  return { sleep, waits, allow };
}

function live(read: (call: number) => Promise<Task>, sleep: Sleep, lease?: PollLease) {
  let calls = 0;
  const hub = new LiveTasks({
    read: () => read(++calls),
    registry: emptyRegistry(),
    bus: new MemoryTaskEventBus(),
    lease: lease ?? { hold: async () => ({ held: true }), release: async () => {} },
    policy,
    logger: pino({ level: 'silent' }),
    sleep,
    random: () => 1,
  });
  return { hub, reads: () => calls };
}

async function drain(stream: AsyncIterableIterator<TaskEvent>): Promise<TaskEvent[]> {
  const events: TaskEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('backoff policy', () => {
  it('doubles from the interval up to the cap, with jitter between half and all of it', () => {
    const error = unavailable();
    const delays = [1, 2, 3, 4, 5, 6].map((n) => delayAfterFailure(policy, n, error, () => 1));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 16_000, 16_000]);
    expect(delayAfterFailure(policy, 1, error, () => 0)).toBe(1_000);
  });

  it('waits at least what a rate limit asks, beyond the cap', () => {
    const limited = new GatewayError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 90 });
    expect(delayAfterFailure(policy, 1, limited, () => 1)).toBe(90_000);
    expect(delayAfterFailure(policy, 4, new GatewayError('RATE_LIMITED', 'slow down'), () => 1)).toBe(16_000);
  });

  it('retries transient faults only', () => {
    const retryable = (code: ErrorCode) => isRetryable(new GatewayError(code, code));
    expect((['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'RATE_LIMITED', 'UPSTREAM_ERROR'] as const).every(retryable)).toBe(true);
    expect((['NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'UPSTREAM_GONE'] as const).some(retryable)).toBe(false);
  });
});

describe('a task feed', () => {
  it('backs off on failures, then ends with a clear error after maxFailures reads in a row', async () => {
    const { sleep, waits } = budgetSleep(100);
    const leases: string[] = [];
    const lease: PollLease = {
      hold: async () => (leases.push('hold'), { held: true }),
      release: async () => void leases.push('release'),
    };
    const { hub, reads } = live(async (call) => (call === 1 ? task('PENDING') : Promise.reject(unavailable())), sleep, lease);
    const events = await drain(await hub.subscribe('key', 'tenant', 'task-1'));
    expect(events[0]).toMatchObject({ task: { status: 'PENDING' } });
    expect(events[1]).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect((events[1] as { error: { message: string } }).error.message).toMatch(/after 4 failed reads/);
    expect(events).toHaveLength(2);
    expect(reads()).toBe(1 + policy.maxFailures);
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
    // The lease is asked for before each read (its holder renews it on a timer of its own in between), then given up.
    await waitFor(() => leases.at(-1) === 'release');
    expect(leases).toEqual(['hold', 'hold', 'hold', 'hold', 'release']);
    expect(hub.watched).toBe(0);
  });

  it("honours a rate limit's Retry-After, then goes back to the interval", async () => {
    const { sleep, waits } = budgetSleep(3);
    const answers = [
      () => Promise.resolve(task('PENDING')),
      () => Promise.reject(new GatewayError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 90 })),
      () => Promise.resolve(task('RUNNING')),
      () => Promise.resolve(task('RUNNING')),
    ];
    const { hub } = live((call) => answers[call - 1]!(), sleep);
    const stream = await hub.subscribe('key', 'tenant', 'task-1');
    const first = await stream.next();
    const second = await stream.next();
    expect([first.value, second.value]).toMatchObject([{ task: { status: 'PENDING' } }, { task: { status: 'RUNNING' } }]);
    await waitFor(() => waits.length === 4);
    expect(waits).toEqual([1_000, 90_000, 1_000, 1_000]);
    await stream.return?.();
    expect(hub.watched).toBe(0);
  });

  it('ends at once when the upstream refuses the read (no retry of a NOT_FOUND)', async () => {
    const { sleep } = budgetSleep(100);
    const { hub, reads } = live(
      async (call) => (call === 1 ? task('RUNNING') : Promise.reject(new GatewayError('NOT_FOUND', 'Task task-1 was not found.'))),
      sleep,
    );
    const events = await drain(await hub.subscribe('key', 'tenant', 'task-1'));
    expect(events.map((e) => ('error' in e ? e.error.code : e.task.status))).toEqual(['RUNNING', 'NOT_FOUND']);
    expect(reads()).toBe(2);
  });

  it('does not read while another instance holds the lease, asks again when it would run out, and takes over when it can', async () => {
    const { sleep, waits, allow } = budgetSleep(3);
    let leaseFree = false;
    // Held elsewhere, for 300 ms more unless its holder renews it.
    const lease: PollLease = { hold: async () => (leaseFree ? { held: true } : { held: false, retryInMs: 300 }), release: async () => {} };
    const { hub, reads } = live(async (call) => task(call < 4 ? 'PENDING' : 'SUCCEEDED'), sleep, lease);
    const stream = await hub.subscribe('key', 'tenant', 'task-1');
    await waitFor(() => waits.length === 4);
    expect(reads()).toBe(1); // the subscriber's first read only
    // The first wait is the interval; then each is until the holder's lease would run out, not a whole interval.
    expect(waits[0]).toBe(1_000);
    for (const wait of waits.slice(1)) expect(wait >= 300 && wait < 1_000).toBe(true);
    leaseFree = true;
    allow(10);
    const events = await drain(stream);
    expect(events.map((e) => ('task' in e ? e.task.status : 'error'))).toEqual(['PENDING', 'SUCCEEDED']);
  });

  it('admits each tenant with one read, shared by its concurrent subscribers; a refused tenant gets the error', async () => {
    const { sleep } = budgetSleep(0);
    const readers: string[] = [];
    const hub = new LiveTasks({
      read: async (_key, tenant) => {
        readers.push(tenant);
        await new Promise((r) => setTimeout(r, 5));
        if (tenant === 'stranger') throw new GatewayError('NOT_FOUND', 'Task task-1 was not found.');
        return task('RUNNING');
      },
      registry: emptyRegistry(),
      bus: new MemoryTaskEventBus(),
      lease: { hold: async () => ({ held: true }), release: async () => {} },
      policy,
      logger: pino({ level: 'silent' }),
      sleep,
    });
    const owners = await Promise.all(Array.from({ length: 10 }, () => hub.subscribe('key-a', 'owner', 'task-1')));
    await expect(hub.subscribe('key-x', 'stranger', 'task-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hub.subscribe('key-x', 'stranger', 'task-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(readers).toEqual(['owner', 'stranger', 'stranger']);
    for (const stream of owners) expect((await stream.next()).value).toMatchObject({ task: { status: 'RUNNING' } });
    await hub.close();
    for (const stream of owners) expect((await stream.next()).done).toBe(true);
  });

  it('a registered task of another tenant is NOT_FOUND without any read', async () => {
    const registry = emptyRegistry();
    await registry.remember({ id: 'task-1', kind: 'CREATE_MUSIC', tenant: 'owner', createdAt: Date.now(), status: 'PENDING' });
    let reads = 0;
    const hub = new LiveTasks({
      read: async () => (reads++, task('RUNNING')),
      registry,
      bus: new MemoryTaskEventBus(),
      lease: { hold: async () => ({ held: true }), release: async () => {} },
      policy,
      logger: pino({ level: 'silent' }),
    });
    await expect(hub.subscribe('key-x', 'stranger', 'task-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(reads).toBe(0);
    expect(hub.watched).toBe(0);
  });
});

describe('ordering of states', () => {
  it('only moves forward, and nothing follows a final state', () => {
    expect(supersedes(undefined, task('PENDING'))).toBe(true);
    expect(supersedes(task('PENDING'), task('RUNNING'))).toBe(true);
    expect(supersedes(task('RUNNING'), task('RUNNING', 'New title'))).toBe(true);
    expect(supersedes(task('RUNNING'), { ...task('RUNNING'), observedAt: 'later' })).toBe(false);
    expect(supersedes(task('RUNNING'), task('PENDING'))).toBe(false);
    expect(supersedes(task('SUCCEEDED'), task('FAILED'))).toBe(false);
  });
});
