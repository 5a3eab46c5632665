import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClip, type Sandbox } from '../src/sandbox/index.js';
import { fullClip, fullWireClip } from './cases/clip.js';
import { gql, json, startFakeUpstream, startGateway, startSandbox, type TestGateway } from './support/helpers.js';

const tasksQuery = `query($ids: [ID!]!) { tasks(ids: $ids) { id status } }`;
const taskGets = (sandbox: Sandbox) => sandbox.calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/sonic/task/'));

describe('tasks(ids) batching', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  let a: string;
  let b: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    gw = await startGateway(sandbox.url);
    const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
    a = (await gql(gw.url, split, { c: demoClip.id })).data!.splitStemsBasic.id;
    b = (await gql(gw.url, split, { c: demoClip.id })).data!.splitStemsBasic.id;
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('tasks([a, a, b]) reads each distinct task once', async () => {
    const before = taskGets(sandbox).length;
    const res = await gql(gw.url, tasksQuery, { ids: [a, a, b] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.tasks.map((t: { id: string }) => t.id)).toEqual([a, a, b]);
    const gets = taskGets(sandbox)
      .slice(before)
      .map((c) => c.path.split('/').pop());
    expect(gets.sort()).toEqual([a, b].sort());
  });

  it('task and tasks in one request share the loader', async () => {
    const before = taskGets(sandbox).length;
    const res = await gql(gw.url, `query($a: ID!, $ids: [ID!]!) { one: task(id: $a) { id } many: tasks(ids: $ids) { id } }`, {
      a,
      ids: [b, a],
    });
    expect(res.errors).toBeUndefined();
    expect(taskGets(sandbox).length - before).toBe(2);
  });

  it('a missing task is null at its index with its own error; the others load', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    const res = await gql(gw.url, tasksQuery, { ids: [a, missing] });
    expect(res.data!.tasks[0].id).toBe(a);
    expect(res.data!.tasks[1]).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['tasks', 1], extensions: { code: 'NOT_FOUND' } });
  });

  it('more than 100 ids, or a malformed id, is BAD_USER_INPUT with no upstream call', async () => {
    const before = sandbox.calls.length;
    const tooMany = await gql(gw.url, tasksQuery, { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const malformed = await gql(gw.url, tasksQuery, { ids: [a, 'no spaces allowed'] });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids.1' });
    expect(sandbox.calls.length).toBe(before);
  });
});

describe('tasks(ids) concurrency', () => {
  it('reads at most 8 tasks from the upstream at once', async () => {
    // The upstream holds every read until the test releases it: the gateway must stop at 8 reads in flight, and send
    // the next ones only as earlier ones are answered (no timing: the held reads only end when released).
    const held: (() => void)[] = [];
    let mostHeld = 0;
    const upstream = await startFakeUpstream((req, res) => {
      held.push(() => json(res, 200, { code: 200, message: 'success', data: [{ clip_id: `c-${req.url}`, state: 'running' }] }));
      mostHeld = Math.max(mostHeld, held.length);
    });
    const gw = await startGateway(upstream.url);
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `task-${i}`);
      const answer = gql(gw.url, tasksQuery, { ids });
      for (const wave of [8, 8, 8, 6]) {
        await expect.poll(() => held.length, { interval: 5 }).toBe(wave);
        for (const release of held.splice(0)) release();
      }
      const res = await answer;
      expect(res.errors).toBeUndefined();
      expect(res.data!.tasks.every((t: { status: string }) => t.status === 'RUNNING')).toBe(true);
      expect(upstream.requests).toHaveLength(30);
      expect(mostHeld).toBe(8);
    } finally {
      await gw.close();
      await upstream.close();
    }
  });
});

describe('task clips over GraphQL', () => {
  it('every Clip field reaches the client as the upstream gave it (clips are mapped only when asked)', async () => {
    // A state spelled another way, an empty string for no value: both read as the upstream means them.
    const wire = { ...fullWireClip, state: 'complete', wav_url: '' };
    const upstream = await startFakeUpstream((_req, res) => json(res, 200, { code: 200, message: 'success', data: [wire] }));
    const gw = await startGateway(upstream.url);
    try {
      const fields = Object.keys(fullClip).join(' ');
      const res = await gql(gw.url, `query($id: ID!) { task(id: $id) { status clips { ${fields} } } }`, { id: 'task-1' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.task).toEqual({ status: 'SUCCEEDED', clips: [{ ...fullClip, wavUrl: null }] });
    } finally {
      await gw.close();
      await upstream.close();
    }
  });
});
