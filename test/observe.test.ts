/**
 * What the gateway records when it observes a task (src/tasks/observe.ts): nothing when nothing changed, and once
 * per finished task its duration (successes) or the return of its budget reservation (failures), however many
 * readers see the final state at once; through the gateway, a query's read is such an observation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Clip } from '../src/domain/clip.js';
import type { TaskRecord } from '../src/domain/records.js';
import type { TaskStatus } from '../src/domain/status.js';
import { noteObserved } from '../src/tasks/observe.js';
import { tenantOf } from '../src/domain/tenancy.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway } from './support/helpers.js';
import { tempSqliteStores } from './support/stores.js';

const logger = pino({ level: 'silent' });
const clipOf = (id: string): Clip => ({
  id,
  status: 'SUCCEEDED',
  title: null,
  tags: null,
  lyrics: null,
  description: null,
  audioUrl: null,
  wavUrl: null,
  imageUrl: null,
  videoUrl: null,
  duration: null,
  model: null,
  createdAt: null,
  error: null,
});
const policy = { limit: 100, windowMs: 3600_000 };

describe('noteObserved', () => {
  const stores = tempSqliteStores();
  afterAll(() => stores.close());
  let observeCalls = 0;
  const registry = Object.assign(Object.create(stores.registry) as typeof stores.registry, {
    observe: (...args: Parameters<typeof stores.registry.observe>) => (observeCalls++, stores.registry.observe(...args)),
  });
  const deps = { registry, durations: stores.durations, budgets: stores.budgets, ownership: stores.ownership, logger };
  /** A state as a read or a webhook brings it, with the clips the upstream lists. */
  const seen = (status: TaskStatus, ...clipIds: string[]) => ({ status, clips: clipIds.map((id) => ({ ...clipOf(id), status })) });
  const remember = async (id: string, extra: Partial<TaskRecord> = {}) => {
    const record: TaskRecord = { id, kind: 'STEMS_BASIC', tenant: 'owner', createdAt: Date.now() - 60_000, status: 'PENDING', ...extra };
    await stores.registry.remember(record);
    return record;
  };

  it('writes nothing when the record already holds the status, and follows a change', async () => {
    const record = await remember('same');
    observeCalls = 0;
    await noteObserved(deps, record, seen('PENDING'));
    expect(observeCalls).toBe(0);
    await noteObserved(deps, record, seen('RUNNING'));
    expect(observeCalls).toBe(1);
    expect(await stores.registry.lookup('same')).toMatchObject({ status: 'RUNNING' });
  });

  it('a poll, a webhook and a query seeing SUCCEEDED at once record one duration', async () => {
    const record = await remember('done');
    const at = record.createdAt + 42_000;
    await Promise.all([
      noteObserved(deps, record, seen('SUCCEEDED'), at),
      noteObserved(deps, record, seen('SUCCEEDED'), at),
      noteObserved(deps, record, seen('SUCCEEDED'), at),
    ]);
    expect(await stores.durations.recent('STEMS_BASIC', 10)).toEqual([42_000]);
    expect(await stores.registry.lookup('done')).toMatchObject({ status: 'SUCCEEDED', finishedAt: at });
  });

  it('a task that ends FAILED gives its reservation back, once, and records no duration', async () => {
    const reservation = await stores.budgets.reserve('owner', 40, policy, Date.now());
    if (!reservation.ok) throw new Error('reservation refused');
    await stores.budgets.reserve('owner', 20, policy, Date.now());
    const record = await remember('failed', { kind: 'PRODUCER_VIDEO', reservationId: reservation.reservationId });
    await Promise.all([noteObserved(deps, record, seen('FAILED')), noteObserved(deps, record, seen('FAILED'))]);
    await noteObserved(deps, { ...record, status: 'RUNNING' }, seen('FAILED'));
    expect(await stores.budgets.usage('owner', policy, Date.now())).toMatchObject({ used: 20 });
    expect(await stores.durations.recent('PRODUCER_VIDEO', 10)).toEqual([]);
  });

  it("a SUCCEEDED task's clips become its owner's, and no one else's", async () => {
    const record = await remember('made-two', { tenant: 'user:alice' });
    await noteObserved(deps, record, seen('RUNNING', 'take-1', 'take-2'));
    expect(await stores.ownership.owns('user:alice', [{ kind: 'clip', id: 'take-1' }])).toEqual([false]);
    await noteObserved(deps, record, seen('SUCCEEDED', 'take-1', 'take-2'));
    const takes = [
      { kind: 'clip' as const, id: 'take-1' },
      { kind: 'clip' as const, id: 'take-2' },
    ];
    expect(await stores.ownership.owns('user:alice', takes)).toEqual([true, true]);
    expect(await stores.ownership.owns('user:bob', takes)).toEqual([false, false]);
  });

  it("a song that FAILED with one good clip: that clip becomes its owner's, the failed one no one's", async () => {
    const record = await remember('half-failed', { tenant: 'user:gina' });
    const [good, bad] = [clipOf('good-take'), { ...clipOf('bad-take'), status: 'FAILED' as const, error: 'Generation failed.' }];
    await noteObserved(deps, record, { status: 'FAILED', clips: [good, bad] });
    const takes = [
      { kind: 'clip' as const, id: 'good-take' },
      { kind: 'clip' as const, id: 'bad-take' },
    ];
    expect(await stores.ownership.owns('user:gina', takes)).toEqual([true, false]);
    expect(await stores.ownership.owns('user:hal', takes)).toEqual([false, false]);
    // A task that failed whole made nothing to own.
    const failed = await remember('failed-whole', { tenant: 'user:gina' });
    await noteObserved(deps, failed, seen('FAILED', 'lost-take'));
    expect(await stores.ownership.owns('user:gina', [{ kind: 'clip', id: 'lost-take' }])).toEqual([false]);
  });

  it("the persona a finished create-voice task made is its owner's", async () => {
    const record = await remember('voice', { tenant: 'user:erin' });
    await noteObserved(deps, record, { ...seen('SUCCEEDED'), persona: { id: 'persona-of-erin' } });
    expect(await stores.ownership.owns('user:erin', [{ kind: 'persona', id: 'persona-of-erin' }])).toEqual([true]);
    expect(await stores.ownership.owns('user:frank', [{ kind: 'persona', id: 'persona-of-erin' }])).toEqual([false]);
  });

  it('a task that finished before owners were recorded gets its clips recorded at its next read', async () => {
    const record = await remember('finished-before', { tenant: 'user:carol', status: 'SUCCEEDED', finishedAt: Date.now() - 1000 });
    await noteObserved(deps, record, seen('SUCCEEDED', 'old-take'));
    expect(await stores.ownership.owns('user:carol', [{ kind: 'clip', id: 'old-take' }])).toEqual([true]);
  });

  it('when the clips cannot be recorded, the task is not marked finished, so the next observation records them', async () => {
    const record = await remember('retried', { tenant: 'user:dan' });
    const ownership = Object.assign(Object.create(stores.ownership) as typeof stores.ownership, {
      record: async () => Promise.reject(new Error('disk full')),
    });
    const failing = { ...deps, ownership };
    await noteObserved(failing, record, seen('SUCCEEDED', 'late-take'));
    expect(await stores.registry.lookup('retried')).toMatchObject({ status: 'PENDING' });
    await noteObserved(deps, record, seen('SUCCEEDED', 'late-take'));
    expect(await stores.registry.lookup('retried')).toMatchObject({ status: 'SUCCEEDED' });
    expect(await stores.ownership.owns('user:dan', [{ kind: 'clip', id: 'late-take' }])).toEqual([true]);
  });

  it('a store that fails does not fail the read that saw the state', async () => {
    const failing = Object.assign(Object.create(stores.registry) as typeof stores.registry, {
      observe: async () => Promise.reject(new Error('disk full')),
    });
    const broken = { ...deps, registry: failing };
    await expect(noteObserved(broken, await remember('broken'), seen('RUNNING'))).resolves.toBeUndefined();
  });
});

describe('observations through the gateway', () => {
  const clock = manualClock(Date.now());
  const taskMs = 10_000;
  const setup = sandboxGateway({}, { taskMs, now: clock.now });
  const read = (id: string) => gql(setup.gw.url, `query($id: ID!) { task(id: $id) { status } }`, { id });

  it('a query that reads a task finished records its final state and, for a failure, returns its reservation', async () => {
    const { services } = setup.gw;
    const ok = await gql(setup.gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id });
    const failing = await gql(setup.gw.url, `mutation { producerGenerateLyrics(prompt: "sandbox:fail a winter morning") { id } }`);
    const [okId, failedId] = [ok.data!.splitStemsBasic.id as string, failing.data!.producerGenerateLyrics.id as string];
    // The budget policy reserves before the POST and keeps the reservation on the task's record; done here by hand.
    const tenant = tenantOf(keyA);
    const reservation = await services.budgets.reserve(tenant, 1, policy, Date.now());
    if (!reservation.ok) throw new Error('reservation refused');
    const record = (await services.registry.lookup(failedId))!;
    await services.registry.remember({ ...record, reservationId: reservation.reservationId });
    expect(await services.budgets.usage(tenant, policy, Date.now())).toMatchObject({ used: 1 });

    expect((await read(okId)).data!.task.status).toBe('PENDING');
    expect(await services.registry.lookup(okId)).toMatchObject({ status: 'PENDING' });
    clock.advance(taskMs);
    expect((await read(okId)).data!.task.status).toBe('SUCCEEDED');
    expect((await read(failedId)).data!.task.status).toBe('FAILED');
    expect(await services.registry.lookup(okId)).toMatchObject({ status: 'SUCCEEDED', finishedAt: expect.any(Number) });
    expect(await services.registry.lookup(failedId)).toMatchObject({ status: 'FAILED' });
    expect(await services.budgets.usage(tenant, policy, Date.now())).toMatchObject({ used: 0 });
    expect(await services.durations.recent('STEMS_BASIC', 5)).toHaveLength(1);
  });
});
