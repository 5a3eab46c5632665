/**
 * RecentRecords: a task's registry record is read from the store once while it is in use, and stays right: the
 * status follows what is observed through it, a final status stays final, and the copy is read again after its age.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RecentRecords } from '../src/tasks/record-cache.js';
import type { TaskRecord } from '../src/domain/records.js';
import { tempSqliteStores } from './support/stores.js';

const stores = tempSqliteStores();
afterAll(() => stores.close());

/** The SQLite registry, counting the lookups that reach it. */
function countedStore() {
  const counts = { lookups: 0 };
  const store = Object.assign(Object.create(stores.registry) as typeof stores.registry, {
    lookup: (id: string) => (counts.lookups++, stores.registry.lookup(id)),
  });
  return { store, counts };
}

const record = (id: string): TaskRecord => ({ id, kind: 'STEMS_FULL', tenant: 'tenant-a', createdAt: Date.now(), status: 'PENDING' });

describe('RecentRecords', () => {
  it('looks a task up in the store once while it is read again and again', async () => {
    const { store, counts } = countedStore();
    await stores.registry.remember(record('r1'));
    const registry = new RecentRecords(store);
    for (let i = 0; i < 5; i++) expect(await registry.lookup('r1')).toMatchObject({ id: 'r1', tenant: 'tenant-a', kind: 'STEMS_FULL' });
    expect(counts.lookups).toBe(1);
    expect(await registry.lookup('unknown')).toBeUndefined();
    expect(await registry.lookup('unknown')).toBeUndefined();
    expect(counts.lookups).toBe(3); // unknown ids are not kept
  });

  it('follows the statuses observed through it, in the store and its copy; a final status stays final', async () => {
    const { store, counts } = countedStore();
    const registry = new RecentRecords(store);
    await registry.remember(record('r2'));
    expect(await registry.observe('r2', 'RUNNING', 1_000)).toBe(false);
    expect(await registry.lookup('r2')).toMatchObject({ status: 'RUNNING' });
    expect(await registry.observe('r2', 'SUCCEEDED', 2_000)).toBe(true);
    expect(await registry.observe('r2', 'FAILED', 3_000)).toBe(false);
    expect(await registry.lookup('r2')).toMatchObject({ status: 'SUCCEEDED', finishedAt: 2_000 });
    expect(await stores.registry.lookup('r2')).toMatchObject({ status: 'SUCCEEDED', finishedAt: 2_000 });
    expect(counts.lookups).toBe(0); // remembered through it: never looked up
  });

  it('reads the store again once its copy is older than ttlMs', async () => {
    const { store, counts } = countedStore();
    await stores.registry.remember(record('r3'));
    const registry = new RecentRecords(store, { ttlMs: 30 });
    await registry.lookup('r3');
    await stores.registry.observe('r3', 'RUNNING', 5_000); // another instance's observation, not through this one
    expect(await registry.lookup('r3')).toMatchObject({ status: 'PENDING' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await registry.lookup('r3')).toMatchObject({ status: 'RUNNING' });
    expect(counts.lookups).toBe(2);
  });
});
