/**
 * Relay object identification over the raw upstream ids: `node(id:)`/`nodes(ids:)` for Task, Clip and Viewer with
 * the tenancy of `task(id:)` (another user's id is null, with no upstream call), `Stem.id` as its clip's id, and
 * partial data: a refused argument deep in `viewer` nulls that field alone.
 */
import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { codes, gql, manualClock, sandboxGateway } from './support/helpers.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const split = 'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }';
const nodeQuery = `query($id: ID!) { node(id: $id) { __typename id ... on Task { status } ... on Clip { title } ... on Viewer { budget { limit } } } }`;

describe('node(id:) and nodes(ids:) with sign-in', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway(
    { AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '500', CLIP_ACCESS: 'any' },
    { taskMs: 1000, now: clock.now },
  );
  const taskReads = () => setup.sandbox.calls.filter((c) => c.method === 'GET' && c.path.includes('/task/')).length;

  it("a task, its clips and the viewer by id; another user's ids are null without an upstream call", async () => {
    const owner = await signedIn('node-owner');
    const other = await signedIn('node-other');
    const taskId = (await gql(setup.gw.url, split, { c: demoClip.id }, owner)).data!.splitStemsBasic.id as string;
    clock.advance(2000);
    const read = await gql(
      setup.gw.url,
      `query($id: ID!) { task(id: $id) { clips { id title } stems { id clip { id } } } }`,
      { id: taskId },
      owner,
    );
    const clips = read.data!.task.clips as { id: string; title: string }[];
    expect(clips).toHaveLength(2);
    // Stem.id is its clip's id.
    for (const stem of read.data!.task.stems) expect(stem.id).toBe(stem.clip.id);

    const asTask = await gql(setup.gw.url, nodeQuery, { id: taskId }, owner);
    expect(asTask).toEqual({ data: { node: { __typename: 'Task', id: taskId, status: 'SUCCEEDED' } } });
    const asClip = await gql(setup.gw.url, nodeQuery, { id: clips[0]!.id }, owner);
    expect(asClip).toEqual({ data: { node: { __typename: 'Clip', id: clips[0]!.id, title: clips[0]!.title } } });
    const viewerId = (await gql(setup.gw.url, '{ viewer { id } }', {}, owner)).data!.viewer.id;
    expect((await gql(setup.gw.url, nodeQuery, { id: viewerId }, owner)).data!.node).toEqual({
      __typename: 'Viewer',
      id: viewerId,
      budget: { limit: 500 },
    });

    const readsBefore = taskReads();
    const ids = [taskId, clips[0]!.id, clips[1]!.id, viewerId];
    const foreign = await gql(setup.gw.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, other);
    expect(foreign).toEqual({ data: { nodes: [null, null, null, null] } });
    expect(taskReads()).toBe(readsBefore);
    const own = await gql(setup.gw.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids }, owner);
    expect(own.data!.nodes.map((n: { __typename: string }) => n.__typename)).toEqual(['Task', 'Clip', 'Clip', 'Viewer']);
  });

  it('an id of no task this user has is null; a malformed id is BAD_USER_INPUT, as task(id:) says', async () => {
    const user = await signedIn('node-stranger');
    expect(await gql(setup.gw.url, nodeQuery, { id: '5e5e5e5e-0000-4000-8000-000000000000' }, user)).toEqual({ data: { node: null } });
    const bad = await gql(setup.gw.url, nodeQuery, { id: 'not an id!' }, user);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('partial data: viewer.tasks(first: 101) nulls that field alone; viewer and the other root fields keep their data', async () => {
    const user = await signedIn('node-partial');
    const res = await gql(
      setup.gw.url,
      '{ viewer { id budget { limit } tasks(first: 101) { edges { cursor } } } operationCosts { operation } tasks(ids: []) { id } }',
      {},
      user,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.path).toEqual(['viewer', 'tasks']);
    expect(res.data!.viewer).toMatchObject({ budget: { limit: 500 }, tasks: null });
    expect(res.data!.viewer.id).toMatch(/^user:/);
    expect(res.data!.operationCosts.length).toBeGreaterThan(0);
    expect(res.data!.tasks).toEqual([]);
    // Too many ids for tasks(ids:) is the same: that root field alone is null.
    const many = await gql(
      setup.gw.url,
      'query($ids: [ID!]!) { tasks(ids: $ids) { id } operationCosts { operation } }',
      {
        ids: Array.from({ length: 101 }, (_, i) => `t-${i}`),
      },
      user,
    );
    expect(codes(many)).toEqual(['BAD_USER_INPUT']);
    expect(many.data!.tasks).toBeNull();
    expect(many.data!.operationCosts.length).toBeGreaterThan(0);
  });
});
