/**
 * What the gateway records when it observes a task (src/tasks/observe.ts): nothing when nothing changed, and once
 * per finished task its duration (successes) or the return of its budget reservation (failures), however many
 * readers see the final state at once; through the gateway, a query's read is such an observation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { TaskRecord } from '../src/domain/records.js';
import { noteObserved } from '../src/tasks/observe.js';
import { tenantOf } from '../src/domain/tenancy.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway } from './support/helpers.js';
import { tempSqliteStores } from './support/stores.js';

const logger = pino({ level: 'silent' });
const policy = { limit: 100, windowMs: 3600_000 };

describe('noteObserved', () => {
  const stores = tempSqliteStores();
  afterAll(() => stores.close());
  let observeCalls = 0;
  const registry = Object.assign(Object.create(stores.registry) as typeof stores.registry, {
    observe: (...args: Parameters<typeof stores.registry.observe>) => (observeCalls++, stores.registry.observe(...args)),
  });
  const deps = { registry, durations: stores.durations, budgets: stores.budgets, logger };
  const remember = async (id: string, extra: Partial<TaskRecord> = {}) => {
    const record: TaskRecord = { id, kind: 'STEMS_BASIC', tenant: 'owner', createdAt: Date.now() - 60_000, status: 'PENDING', ...extra };
    await stores.registry.remember(record);
    return record;
  };

  it('writes nothing when the record already holds the status, and follows a change', async () => {
    const record = await remember('same');
    observeCalls = 0;
    await noteObserved(deps, record, 'PENDING');
    expect(observeCalls).toBe(0);
    await noteObserved(deps, record, 'RUNNING');
    expect(observeCalls).toBe(1);
    expect(await stores.registry.lookup('same')).toMatchObject({ status: 'RUNNING' });
  });

  it('a poll, a webhook and a query seeing SUCCEEDED at once record one duration', async () => {
    const record = await remember('done');
    const at = record.createdAt + 42_000;
    await Promise.all([
      noteObserved(deps, record, 'SUCCEEDED', at),
      noteObserved(deps, record, 'SUCCEEDED', at),
      noteObserved(deps, record, 'SUCCEEDED', at),
    ]);
    expect(await stores.durations.recent('STEMS_BASIC', 10)).toEqual([42_000]);
    expect(await stores.registry.lookup('done')).toMatchObject({ status: 'SUCCEEDED', finishedAt: at });
  });

  it('a task that ends FAILED gives its reservation back, once, and records no duration', async () => {
    const reservation = await stores.budgets.reserve('owner', 40, policy, Date.now());
    if (!reservation.ok) throw new Error('reservation refused');
    await stores.budgets.reserve('owner', 20, policy, Date.now());
    const record = await remember('failed', { kind: 'PRODUCER_VIDEO', reservationId: reservation.reservationId });
    await Promise.all([noteObserved(deps, record, 'FAILED'), noteObserved(deps, record, 'FAILED')]);
    await noteObserved(deps, { ...record, status: 'RUNNING' }, 'FAILED');
    expect(await stores.budgets.usage('owner', policy, Date.now())).toMatchObject({ used: 20 });
    expect(await stores.durations.recent('PRODUCER_VIDEO', 10)).toEqual([]);
  });

  it('a store that fails does not fail the read that saw the state', async () => {
    const failing = Object.assign(Object.create(stores.registry) as typeof stores.registry, {
      observe: async () => Promise.reject(new Error('disk full')),
    });
    const broken = { ...deps, registry: failing };
    await expect(noteObserved(broken, await remember('broken'), 'RUNNING')).resolves.toBeUndefined();
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
