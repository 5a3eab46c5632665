/**
 * `Task.submittedAt` and `Task.estimatedCompletionAt` through GraphQL: the default of a kind before there is
 * history, the median of the durations this gateway recorded, a fresh estimate on every live event, and nothing to
 * estimate once a task is final or when the gateway did not submit it.
 */
import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway } from './support/helpers.js';
import { subscribeWs } from './support/live.js';

const fields = 'id status submittedAt estimatedCompletionAt';
const s = 1000;
const since = (task: { submittedAt: string; estimatedCompletionAt: string }) =>
  Date.parse(task.estimatedCompletionAt) - Date.parse(task.submittedAt);

describe('progress estimates', () => {
  const clock = manualClock();
  const setup = sandboxGateway({ POLL_INTERVAL_MS: '20' }, { taskMs: 20_000, now: clock.now });

  async function split(operation: 'splitStemsFull' | 'splitStemsBasic', selection = fields) {
    const res = await gql(setup.gw.url, `mutation($c: ID!) { ${operation}(clipId: $c) { ${selection} } }`, { c: demoClip.id });
    expect(res.errors).toBeUndefined();
    return res.data![operation];
  }

  it('before any history: the submit time plus the default of the kind (90 s for a full split)', async () => {
    const before = Date.now();
    const task = await split('splitStemsFull');
    const submittedAt = Date.parse(task.submittedAt);
    expect(submittedAt).toBeGreaterThanOrEqual(before);
    expect(submittedAt).toBeLessThanOrEqual(Date.now());
    expect(since(task)).toBe(90 * s);

    // Read back, the submit time is the same: it is the gateway's record, not the time of the read.
    const read = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { ${fields} } }`, { id: task.id });
    expect(read.data!.task.submittedAt).toBe(task.submittedAt);
    expect(read.data!.task.estimatedCompletionAt).toBe(task.estimatedCompletionAt);
  });

  it('learns from the tasks this gateway saw finish: a finished basic split counts with the default', async () => {
    // Not asking for the estimate here: nothing is looked up yet for this kind.
    const first = await split('splitStemsBasic', 'id');
    clock.advance(20_000);
    const done = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { ${fields} } }`, { id: first.id });
    expect(done.data!.task).toMatchObject({ status: 'SUCCEEDED', estimatedCompletionAt: null });
    expect(done.data!.task.submittedAt).toEqual(expect.any(String));
    const recorded = await setup.gw.services.durations.recent('STEMS_BASIC', 20);
    expect(recorded).toHaveLength(1);

    // One recorded duration (a few ms of real time here) and the 60 s default: their median.
    const next = await split('splitStemsBasic');
    // (ISO times hold whole milliseconds, so a half is lost)
    expect(Math.abs(since(next) - (recorded[0]! + 60 * s) / 2)).toBeLessThanOrEqual(1);
  });

  it('with three or more durations, their median alone; outliers do not move it', async () => {
    const now = Date.now();
    for (const d of [120, 36_000, 100, 110, 0.2]) await setup.gw.services.durations.record('REMASTER', d * s, now);
    const res = await gql(setup.gw.url, `mutation($c: ID!) { remasterMusic(input: { clipId: $c }) { ${fields} } }`, { c: demoClip.id });
    expect(res.errors).toBeUndefined();
    expect(since(res.data!.remasterMusic)).toBe(110 * s);
  });

  it('every taskUpdated event carries the estimate until the task is final, which carries none', async () => {
    const task = await split('splitStemsFull', 'id');
    const query = `subscription($id: ID!) { taskUpdated(taskId: $id) { ${fields} } }`;
    const sub = subscribeWs(setup.gw.url, task.id, keyA, query);
    try {
      await sub.until((x) => x.results.length >= 1);
      clock.advance(10_000);
      await sub.until((x) => x.statuses().includes('RUNNING'));
      clock.advance(10_000);
      await sub.until((x) => x.completed);
      const events = sub.results.map((r) => r.data!.taskUpdated);
      expect(events.map((e) => e.status)).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
      for (const event of events.slice(0, -1))
        expect(Date.parse(event.estimatedCompletionAt)).toBeGreaterThan(Date.parse(event.submittedAt));
      expect(events.at(-1)!.estimatedCompletionAt).toBeNull();
      expect(new Set(events.map((e) => e.submittedAt)).size).toBe(1);
    } finally {
      await sub.close();
    }
  });

  it('a task the gateway did not submit has neither', async () => {
    const res = await fetch(`${setup.sandbox.url}/api/v1/sonic/stems/basic`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clip_id: demoClip.id }),
    });
    const { task_id } = (await res.json()) as { task_id: string };
    const read = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { ${fields} } }`, { id: task_id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.task).toMatchObject({ id: task_id, submittedAt: null, estimatedCompletionAt: null });
  });
});
