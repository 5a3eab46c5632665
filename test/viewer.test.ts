/**
 * What a signed-in user sees: `viewer { tasks budget }`, `viewerTaskUpdated`, and per-user credit
 * budgets reserved atomically before each paid POST and given back when nothing was spent. Tokens minted by jose.
 */
import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { codes, gql, manualClock, sandboxGateway } from './support/helpers.js';
import { subscribeWs } from './support/live.js';
import { waitFor } from './support/wait.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const taskMs = 20_000;
const stemsFull = `mutation($c: ID!, $k: String) { splitStemsFull(clipId: $c, idempotencyKey: $k) { id } }`;
const budgetQuery = `{ viewer { id budget { limit used remaining resetsAt } } }`;
const tasksQuery = `query($first: Int, $after: String, $status: [TaskStatus!]) {
  viewer { tasks(first: $first, after: $after, status: $status) {
    edges { cursor node { id kind status } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

describe('viewer, budgets and viewerTaskUpdated with sign-in', () => {
  const clock = manualClock(Date.now());
  // Every user works on the sandbox's demo clip, which is nobody's own here (who owns which clip: ownership.test.ts).
  const setup = sandboxGateway(
    { AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '120', USER_BUDGET_WINDOW: '1d', POLL_INTERVAL_MS: '25', CLIP_ACCESS: 'any' },
    { taskMs, now: clock.now },
  );
  const posts = (path: string) => setup.sandbox.calls.filter((c) => c.method === 'POST' && c.path === path).length;
  const budget = async (user: Record<string, string>) => (await gql(setup.gw.url, budgetQuery, {}, user)).data!.viewer.budget;

  it('20 concurrent splitStemsFull (50 each) from a user with 120 left: exactly 2 upstream POSTs, 18 BUDGET_EXCEEDED', async () => {
    const user = await signedIn('racer');
    const before = posts('/api/v1/sonic/stems/full');
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(setup.gw.url, stemsFull, { c: demoClip.id }, user)));
    expect(results.filter((r) => r.data?.splitStemsFull?.id)).toHaveLength(2);
    const refused = results.filter((r) => codes(r)[0] === 'BUDGET_EXCEEDED');
    expect(refused).toHaveLength(18);
    expect(refused[0]!.errors![0]!.extensions).toMatchObject({ remaining: 20 });
    expect(posts('/api/v1/sonic/stems/full') - before).toBe(2);
    const usage = await budget(user);
    expect(usage).toMatchObject({ limit: 120, used: 100, remaining: 20 });
    expect(Date.parse(usage.resetsAt)).toBeGreaterThan(Date.now());
    // Another user has a budget of their own.
    expect(await budget(await signedIn('someone-else'))).toMatchObject({ used: 0, remaining: 120 });
  });

  it('an idempotent replay reserves nothing again; an upstream refusal gives the reservation back', async () => {
    const user = await signedIn('replayer');
    const first = await gql(setup.gw.url, stemsFull, { c: demoClip.id, k: 'stems-once-1' }, user);
    const again = await gql(setup.gw.url, stemsFull, { c: demoClip.id, k: 'stems-once-1' }, user);
    expect(again.data!.splitStemsFull.id).toBe(first.data!.splitStemsFull.id);
    expect(await budget(user)).toMatchObject({ used: 50 });
    // The upstream refuses an unknown clip (400): nothing was spent, so nothing stays reserved.
    const refused = await gql(setup.gw.url, stemsFull, { c: '0000dead-0000-4000-8000-00000000c11p' }, user);
    expect(codes(refused)[0]).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    expect(await budget(user)).toMatchObject({ used: 50 });
  });

  it('a task that ends FAILED returns its reservation (the upstream refunds it)', async () => {
    const user = await signedIn('unlucky');
    const made = await gql(
      setup.gw.url,
      `mutation { createMusic(input: { description: "sandbox:fail this one", model: SONIC_V4_5 }) { id } }`,
      {},
      user,
    );
    const id = made.data!.createMusic.id as string;
    expect(await budget(user)).toMatchObject({ used: 14 });
    clock.advance(taskMs);
    const read = await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { status } }`, { id }, user);
    expect(read.data!.task.status).toBe('FAILED');
    expect(await budget(user)).toMatchObject({ used: 0, remaining: 120 });
  });

  it("viewer.tasks: the user's own tasks, newest first, in cursor pages, filtered by status; never another user's", async () => {
    const user = await signedIn('lister');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await gql(setup.gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id }, user)).data!
          .splitStemsBasic.id,
      );
      clock.advance(1); // distinct submit times are not needed for the order, but make it plain
    }
    const firstPage = await gql(setup.gw.url, tasksQuery, { first: 2 }, user);
    const { edges, pageInfo } = firstPage.data!.viewer.tasks;
    expect(edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(edges[0].node).toMatchObject({ kind: 'STEMS_BASIC', status: 'PENDING' });
    expect(pageInfo.hasNextPage).toBe(true);
    const secondPage = await gql(setup.gw.url, tasksQuery, { first: 2, after: pageInfo.endCursor }, user);
    expect(secondPage.data!.viewer.tasks.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(secondPage.data!.viewer.tasks.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    expect((await gql(setup.gw.url, tasksQuery, { status: ['SUCCEEDED'] }, user)).data!.viewer.tasks.edges).toEqual([]);
    expect(codes(await gql(setup.gw.url, tasksQuery, { after: 'not-a-cursor' }, user))).toEqual(['BAD_USER_INPUT']);

    const other = await signedIn('not-the-lister');
    const theirs = await gql(setup.gw.url, tasksQuery, {}, other);
    expect(theirs.data!.viewer.tasks.edges).toEqual([]);
  });

  it('viewerTaskUpdated: the unfinished tasks at once, a task submitted meanwhile, and every change; nobody else’s', async () => {
    const user = await signedIn('watcher');
    const token = user.authorization.slice('Bearer '.length);
    const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
    const existing = (await gql(setup.gw.url, split, { c: demoClip.id }, user)).data!.splitStemsBasic.id as string;
    const query = `subscription { viewerTaskUpdated { id status } }`;
    const mine = subscribeWs(setup.gw.url, '', token, query);
    const stranger = subscribeWs(setup.gw.url, '', (await signedIn('stranger')).authorization.slice(7), query);
    const events = (s: typeof mine) => s.results.map((r) => r.data?.viewerTaskUpdated ?? r.errors?.[0]?.extensions?.code);
    await waitFor(() => events(mine).some((e) => e?.id === existing), 'the existing task');

    const added = (await gql(setup.gw.url, split, { c: demoClip.id }, user)).data!.splitStemsBasic.id as string;
    await waitFor(() => events(mine).some((e) => e?.id === added), 'the new task');
    clock.advance(taskMs);
    await waitFor(
      () => [existing, added].every((id) => events(mine).some((e) => e?.id === id && e.status === 'SUCCEEDED')),
      'both tasks to succeed',
    );
    expect(
      events(mine)
        .filter((e) => e?.id === added)
        .map((e) => e.status),
    ).toEqual(['PENDING', 'SUCCEEDED']);
    expect(stranger.results.some((r) => [existing, added].includes(r.data?.viewerTaskUpdated?.id))).toBe(false);
    expect(stranger.completed).toBe(false);
    await Promise.all([mine.close(), stranger.close()]);
  });
});

describe('viewer without sign-in', () => {
  const setup = sandboxGateway({ USER_CREDIT_BUDGET: '120' });

  it('is the API key: its own tasks, and no budget (budgets are for signed-in users)', async () => {
    const key = { authorization: 'Bearer key-caller-00000001' };
    const made = await gql(setup.gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id }, key);
    const res = await gql(setup.gw.url, `{ viewer { budget { used } tasks { edges { node { id } } } } }`, {}, key);
    expect(res.data!.viewer.budget).toBeNull();
    expect(res.data!.viewer.tasks.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([made.data!.splitStemsBasic.id]);
  });
});
